package vn.motcua.petition.engine;

/** The variable names of the petition process (processes/petition.bpmn) and its forms, in one place. */
public final class PetitionVariables {
  private PetitionVariables() {}

  public static final String PROCESS_KEY = "Process_Petition";
  public static final String MESSAGE_CLARIFIED = "PetitionClarified";

  public static final String PETITION_ID = "petitionId";
  public static final String PETITION_CODE = "petitionCode";
  public static final String PETITION_SUBJECT = "petitionSubject";
  public static final String PETITION_CONTENT = "petitionContent";
  public static final String PETITION_CHANNEL = "petitionChannel";
  public static final String PETITIONER_NAME = "petitionerName";
  public static final String DOSSIER_CODE = "relatedDossierCode";
  public static final String POSSIBLE_DUPLICATE = "possibleDuplicate";
  public static final String RECEIVING_UNIT = "receivingUnit";
  public static final String RECEIVING_UNIT_NAME = "receivingUnitName";
  public static final String HANDLING_UNIT = "handlingUnit";
  public static final String HANDLING_UNIT_NAME = "handlingUnitName";

  // classification (Task_Classify)
  public static final String CLASSIFICATION = "classification";
  public static final String CATEGORY = "petitionCategory";
  public static final String COMPETENT_UNIT = "competentUnit";
  public static final String DUPLICATE_OF = "duplicateOfCode";
  public static final String CLASSIFICATION_NOTE = "classificationNote";
  public static final String OUT_OF_SCOPE_ANSWER = "outOfScopeAnswer";

  // processing (Task_Process)
  public static final String PROCESS_OUTCOME = "processOutcome";
  public static final String CLARIFICATION_QUESTIONS = "clarificationQuestions";
  public static final String CLARIFICATION_TEXT = "clarificationText";
  public static final String PROPOSED_ANSWER = "proposedAnswer";

  // decision (Task_Decide)
  public static final String DECISION = "decision";
  public static final String SEND_BACK_REASON = "sendBackReason";

  // alerts (local to the token of a timer boundary event)
  public static final String ALERT_KIND = "alertKind";
  public static final String ALERT_STEP = "alertStep";
  public static final String ALERT_GROUPS = "alertGroups";
  public static final String ALERT_MESSAGE = "alertMessage";
  public static final String ALERT_UNIT_NAME = "alertUnitName";
  public static final String ALERT_DUE_TEXT = "alertDueText";
}
