package vn.motcua.notification;

import java.time.Instant;
import vn.motcua.dossier.DossierNotice;

/**
 * What a message about a notice says: only the dossier's own facts and what the applicant needs to act.
 *
 * @param applicantName the applicant, named only in the e-mail to their own address
 * @param receivingUnitName the One-Stop Division that received the dossier (where to submit a supplement
 *     and collect the result)
 * @param appointmentAt the current appointment for the result
 * @param supplementItems the items to supplement (SUPPLEMENT_REQUESTED)
 * @param apologyNumber the apology letter's number (APOLOGY_ISSUED)
 * @param apologyAgencyName the agency that signed the apology letter
 * @param apologyReason the reason written on the letter
 * @param previousAppointmentAt the appointment the letter replaces
 * @param approved whether the result is an approval (RESULT_READY); otherwise a reasoned refusal
 * @param statusPageUrl the public status page
 */
public record NoticeFacts(
    DossierNotice.Kind kind,
    String dossierCode,
    String procedureName,
    String applicantName,
    String receivingUnitName,
    Instant appointmentAt,
    String supplementItems,
    String apologyNumber,
    String apologyAgencyName,
    String apologyReason,
    Instant previousAppointmentAt,
    boolean approved,
    String statusPageUrl) {}
