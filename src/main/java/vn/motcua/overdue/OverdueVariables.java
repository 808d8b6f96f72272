package vn.motcua.overdue;

import java.util.List;
import vn.motcua.dossier.DossierVariables;

/** Process variables of the shared overdue blocks (Block_StageAlert, Block_Apology, Block_ApologyDelivery). */
public final class OverdueVariables {
  private OverdueVariables() {}

  /** Input of the alert blocks: WARNING or OVERDUE (Block_StageAlert), APOLOGY (Block_Apology). */
  public static final String ALERT_KIND = "alertKind";
  /** Optional inputs for a stage that is not a user task: the unit that holds it and its deadline. */
  public static final String STAGE_UNIT = "stageUnit";
  public static final String STAGE_DUE_AT = "stageDueAt";
  /**
   * What a call of Block_StageAlert passes in, each as itself, besides the business key, {@code alertKind}
   * and the optional {@code stageUnit} / {@code stageDueAt}: what the block and the engine listeners on its
   * tasks read, and no copy of the dossier's other variables (a warning storm is thousands of blocks at
   * once, docs/performance.md). {@code dossierId}: the raise delegate, and every listener of the reminder
   * tasks (control log, Tasklist summary and list facts, access log); {@code competentUnit}: the stage's
   * unit when its task's candidate group names none ({@code StageLocator}), and with {@code receivingUnit}
   * the units that may watch the reminder tasks ({@code UnitWorkGrants}); {@code applicantPhone}: the form
   * {@code form-stage-alert} (its other dossier facts are the Tasklist summary's task variables).
   */
  public static final List<String> STAGE_ALERT_INPUTS = List.of(DossierVariables.DOSSIER_ID,
      DossierVariables.RECEIVING_UNIT, DossierVariables.COMPETENT_UNIT, DossierVariables.APPLICANT_PHONE);

  // set by the raise delegate, local to the block instance
  public static final String ALERT_ID = "alertId";
  public static final String ALERT_OUTCOME = "alertOutcome";
  public static final String ALERT_MESSAGE = "alertMessage";
  public static final String ALERT_STAGE_NAME = "alertStageName";
  public static final String ALERT_UNIT = "alertUnit";
  public static final String ALERT_UNIT_NAME = "alertUnitName";
  public static final String ALERT_DUE_TEXT = "alertDueText";
  public static final String ALERT_DUE_AT = "alertDueAt";
  public static final String ALERT_FIRST_USERS = "alertFirstUsers";
  public static final String ALERT_FIRST_GROUPS = "alertFirstGroups";
  public static final String ALERT_SECOND_GROUPS = "alertSecondGroups";
  public static final String OVERDUE_INSTRUCTION = "overdueInstruction";
  public static final String ALERT_NOTE_RECORDED = "alertNoteRecorded";

  // apology (form-apology-draft, form-apology-sign)
  public static final String APPOINTMENT_TEXT = "appointmentText";
  public static final String APOLOGY_DRAFT_DUE_AT = "apologyDraftDueAt";
  public static final String APOLOGY_SIGN_DUE_AT = "apologySignDueAt";
  public static final String APOLOGY_REASON = "apologyReason";
  public static final String NEW_APPOINTMENT_DATE = "newAppointmentDate";
  public static final String APOLOGY_DRAFTED_BY = "apologyDraftedBy";
  public static final String APOLOGY_SIGN_DECISION = "apologySignDecision";
  public static final String APOLOGY_SIGN_COMMENT = "apologySignComment";
  /** The agency that apologises (the dossier's resolving agency), its name, and in which capacity it signed. */
  public static final String APOLOGY_UNIT = "apologyUnit";
  public static final String APOLOGY_UNIT_NAME = "apologyUnitName";
  public static final String APOLOGY_SIGNED_AS = "apologySignedAs";
  /** A partner held the late stage: it gives its reason (form-apology-partner-reason) before the lead drafts. */
  public static final String APOLOGY_PARTNER_LATE = "apologyPartnerLate";
  public static final String PARTNER_REASON_GROUPS = "partnerReasonGroups";
  public static final String PARTNER_DELAY_REASON = "partnerDelayReason";
  /** The block only asks a second late partner for its reason: the letter is already being written. */
  public static final String APOLOGY_REASON_ONLY = "apologyReasonOnly";
  public static final String SIGN = "SIGN";
  public static final String SEND_BACK = "SEND_BACK";

  // delivery (form-apology-delivery)
  public static final String APOLOGY_LETTER_ID = "apologyLetterId";
  public static final String APOLOGY_NUMBER = "apologyNumber";
  public static final String NEW_APPOINTMENT_TEXT = "newAppointmentText";
  public static final String APOLOGY_DELIVER_BY = "apologyDeliverBy";
  public static final String APOLOGY_DELIVERY_METHOD = "apologyDeliveryMethod";
  public static final String APOLOGY_DELIVERY_NOTE = "apologyDeliveryNote";

  public static final String MESSAGE_APOLOGY_ISSUED = "ApologyIssued";
}
