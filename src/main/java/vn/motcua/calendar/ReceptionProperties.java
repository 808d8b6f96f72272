package vn.motcua.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the reception check of an electronic (online) dossier, prefix {@code motcua.reception},
 * in working time. The 2025 rules for electronic dossiers alert the staff within 2 working hours and want
 * a supplement request within 8 working hours [V for the electronic packages of Decree 63/2024; that they
 * apply to every online dossier is unconfirmed, U]: both are settings.
 *
 * @param onlineCheckWithin working time after the submission by which the One-Stop Division has checked an
 *     online dossier (accepted it, asked for the one supplement or refused it); default 8 working hours
 * @param onlineAlertWithin working time after the submission when the One-Stop Division's staff are
 *     alerted of an online dossier not yet checked; default 2 working hours
 */
@ConfigurationProperties("motcua.reception")
public record ReceptionProperties(Duration onlineCheckWithin, Duration onlineAlertWithin) {

  public ReceptionProperties {
    onlineCheckWithin = onlineCheckWithin == null ? Duration.ofHours(8) : onlineCheckWithin;
    onlineAlertWithin = onlineAlertWithin == null ? Duration.ofHours(2) : onlineAlertWithin;
    if (onlineCheckWithin.isNegative() || onlineAlertWithin.isNegative() || onlineAlertWithin.compareTo(onlineCheckWithin) > 0) {
      throw new IllegalArgumentException("motcua.reception: 0 <= online-alert-within <= online-check-within, got "
          + onlineAlertWithin + " and " + onlineCheckWithin);
    }
  }

  /** All defaults: 8 working hours to check, an alert after 2. */
  public static ReceptionProperties defaults() {
    return new ReceptionProperties(null, null);
  }
}
