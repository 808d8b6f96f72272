package vn.motcua.citizen;

import java.time.Instant;
import java.util.List;

/**
 * A dossier as its applicant sees it after proving who they are (code + second factor): where it is,
 * when it is due, what happened so far, and the result when ready. With the phone number only, the
 * progress ({@code details} false: no result text, supplement items, reasons or timeline details, and
 * {@code detailsHint} says how to see them); with the receipt's PIN or a one-time code, the details too. No officer names, no identity number,
 * address or phone: nothing the applicant did not write themselves.
 */
public record PublicDossier(
    String code,
    String procedureName,
    String receivingUnitName,
    String channel,
    int status,
    String statusName,
    String stage,
    String currentUnitName,
    Instant receivedAt,
    Instant appointmentAt,
    Instant originalAppointmentAt,
    boolean awaitingSupplement,
    String supplementRequest,
    Result result,
    List<Apology> apologies,
    List<Step> timeline,
    boolean canEvaluate,
    Integer rating,
    String ratingName,
    boolean details,
    String detailsHint) {

  /** The decision, once there is one: approved with its result, or refused with the reasons. */
  public record Result(String decision, String decisionName, String text, Instant readyAt, Instant returnedAt,
      String outcomeName) {}

  /** An apology letter: its number, the agency that signed it, and the new date. */
  public record Apology(String number, String agencyName, Instant signedAt, Instant originalAppointmentAt,
      Instant newAppointmentAt, String reason) {}

  /** One step of the timeline. */
  public record Step(Instant at, String kind, String title, String detail) {}
}
