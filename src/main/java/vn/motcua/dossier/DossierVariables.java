package vn.motcua.dossier;

/**
 * The names of the process variables of the dossier processes, in one place. The BPMN models,
 * the forms, the delegates and the tests all use these names.
 */
public final class DossierVariables {
  private DossierVariables() {}

  // set at registration
  public static final String DOSSIER_ID = "dossierId";
  public static final String DOSSIER_CODE = "dossierCode";
  public static final String PROCEDURE_KEY = "procedureKey";
  public static final String PROCEDURE_NAME = "procedureName";
  public static final String RECEIVING_UNIT = "receivingUnit";
  public static final String COMPETENT_UNIT = "competentUnit";
  public static final String CHANNEL = "channel";
  public static final String RECEIVED_AT = "receivedAt";
  /** When the applicant's supplement was received: the re-check and the transfer count from it. */
  public static final String SUPPLEMENT_RECEIVED_AT = "supplementReceivedAt";
  public static final String STATUTORY_DAYS = "statutoryDays";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_ADDRESS = "applicantAddress";
  public static final String REQUEST_SUMMARY = "requestSummary";
  public static final String DOCUMENT_LIST = "documentList";

  // deadlines (java.util.Date), set at the receipt and moved by pause, restart and apology
  public static final String COUNTING_FROM = "countingFrom";
  public static final String APPOINTMENT_AT = "appointmentAt";
  public static final String APPRAISAL_DUE_AT = "appraisalDueAt";
  public static final String APPROVAL_DUE_AT = "approvalDueAt";
  public static final String TRANSFER_DUE_AT = "transferDueAt";
  /** When the dossier reached the competent (lead) agency; set once, by the first transfer task on the path. */
  public static final String TRANSFERRED_AT = "transferredAt";
  public static final String RECEPTION_DUE_AT = "receptionDueAt";
  /** The deadline variables a clock pause shifts, at least. */
  public static final String[] DEADLINES = {APPOINTMENT_AT, APPRAISAL_DUE_AT, APPROVAL_DUE_AT};
  /** The names of all deadline variables of the dossier (one per stage of its procedure), comma-separated. */
  public static final String DEADLINE_VARIABLES = "deadlineVariables";

  // reception check (form-reception-check)
  public static final String RECEPTION_DECISION = "receptionDecision";
  public static final String MISSING_ITEMS = "missingItems";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String SUPPLEMENT_COUNT = "supplementCount";
  public static final String RECEPTION_OUTCOME = "receptionOutcome";

  // appraisal (form-appraisal)
  public static final String APPRAISAL_CONCLUSION = "appraisalConclusion";
  public static final String APPRAISAL_OPINION = "appraisalOpinion";
  public static final String SUPPLEMENT_ITEMS = "supplementItems";

  // approval (form-approval)
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String SEND_BACK_REASON = "sendBackReason";
  public static final String DECISION = "decision";
  public static final String RESULT_TEXT = "resultText";

  // inter-agency (Block_InterAgency, form-partner-process, form-inter-agency-fix)
  /** Input of an inter-agency call: {@code false} defers the resolution until the partners are done. */
  public static final String FINAL_DECISION = "finalDecision";
  public static final String PARTNER_UNIT = "partnerUnit";
  public static final String PARTNER_STAGE = "partnerStage";
  /**
   * Optional input of the inter-agency block: when the partner received the dossier, if before the block
   * starts (an electronic package sent to every agency at once, acknowledged first); its clock counts from it.
   */
  public static final String PARTNER_RECEIVED_AT = "partnerReceivedAt";
  public static final String PARTNER_TASK = "partnerTask";
  public static final String PARTNER_DUE_AT = "partnerDueAt";
  public static final String PARTNER_UNIT_NAME = "partnerUnitName";
  public static final String PARTNER_DECISION = "partnerDecision";
  public static final String PARTNER_RESULT = "partnerResult";
  public static final String PARTNER_RETURN_REASON = "partnerReturnReason";
  public static final String PARTNER_DONE = "DONE";
  public static final String PARTNER_RETURN = "RETURN";
  public static final String FIX_NOTE = "fixNote";
  public static final String PAYMENT_CONFIRMED = "paymentConfirmed";

  // return (form-return)
  public static final String DELIVERY_METHOD = "deliveryMethod";
  public static final String RECEIVER_NAME = "receiverName";
  public static final String RATING = "rating";
  public static final String RATING_COMMENT = "ratingComment";

  // withdrawal
  public static final String STOP_REASON = "stopReason";
  public static final String STOP_KIND = "stopKind";
  /** The officer who recorded or confirmed the stop (the correlation runs without their engine authentication). */
  public static final String STOP_BY = "stopBy";

  // the applicant's stop request made online (processes/system/online-stop-request.bpmn)
  public static final String PROCESS_ONLINE_STOP_REQUEST = "Process_OnlineStopRequest";
  public static final String STOP_REQUESTED_AT = "stopRequestedAt";
  public static final String STOP_REQUEST_DECISION = "stopRequestDecision";
  public static final String STOP_DECLINE_REASON = "stopDeclineReason";
  public static final String CONFIRM = "CONFIRM";
  public static final String DECLINE = "DECLINE";

  // values
  public static final String COMPLETE = "COMPLETE";
  public static final String INCOMPLETE = "INCOMPLETE";
  public static final String REFUSE = "REFUSE";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REFUSED = "REFUSED";
  public static final String PROPOSE_APPROVAL = "PROPOSE_APPROVAL";
  public static final String PROPOSE_REFUSAL = "PROPOSE_REFUSAL";
  public static final String SUPPLEMENT = "SUPPLEMENT";
  public static final String APPROVE = "APPROVE";
  public static final String SEND_BACK = "SEND_BACK";
  public static final String APPROVED = "APPROVED";

  // messages
  public static final String MESSAGE_SUPPLEMENT_RECEIVED = "SupplementReceived";
  public static final String MESSAGE_STOP_REQUESTED = "StopRequested";
}
