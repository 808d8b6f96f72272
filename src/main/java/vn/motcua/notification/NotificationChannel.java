package vn.motcua.notification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import vn.motcua.dossier.Dossier;

/**
 * How a notification reaches the applicant: a channel's key (stored in {@code notification.channel}, at
 * most 10 characters), its Vietnamese label, why it sends nothing when it is off, the recipient it takes
 * from the dossier, how it renders a notice's body and how officers see the recipient (masked). The
 * {@link NotificationSender} of the channel declares it; two channels are equal when their keys are.
 * Adding a channel: docs/notifications.md, "Adding a channel".
 */
public final class NotificationChannel {
  /** E-mail to the address the applicant gave (optional): the full letter, the applicant named. */
  public static final NotificationChannel EMAIL = new NotificationChannel("EMAIL", "Thư điện tử",
      "Chưa cấu hình máy chủ thư điện tử (spring.mail.host).", d -> d.applicant().email(), NotificationMessages::email,
      NotificationMessages::maskEmail).withPetitions(PetitionFacts::email, NotificationMessages::petitionEmail);
  /** SMS to the applicant's phone: the short text, the applicant not named. */
  public static final NotificationChannel SMS = new NotificationChannel("SMS", "Tin nhắn SMS",
      "Chưa cấu hình cổng gửi tin nhắn SMS (motcua.notification.sms.url).", d -> d.applicant().phone(),
      NotificationMessages::sms, NotificationMessages::maskPhone)
      .withPetitions(PetitionFacts::phone, NotificationMessages::petitionSms);

  private static final NotificationChannel[] BUILT_IN = {EMAIL, SMS};

  private final String name;
  private final String label;
  private final String offReason;
  private final Function<Dossier, String> recipient;
  private final Function<NoticeFacts, String> body;
  private final UnaryOperator<String> mask;
  private final Function<PetitionFacts, String> petitionRecipient;
  private final Function<PetitionFacts, String> petitionBody;

  /**
   * @param name the key, unique, at most 10 characters (upper case by convention)
   * @param label the Vietnamese name officers see
   * @param offReason in Vietnamese, why a message on the channel is SKIPPED when it is not configured
   * @param recipient the dossier's recipient on this channel ({@code null} or blank: no message)
   * @param body the body of a notice's message (the subject is common: {@link NotificationMessages#of})
   * @param mask the recipient as officers see it
   */
  public NotificationChannel(String name, String label, String offReason, Function<Dossier, String> recipient,
      Function<NoticeFacts, String> body, UnaryOperator<String> mask) {
    this(name, label, offReason, recipient, body, mask, null, null);
  }

  private NotificationChannel(String name, String label, String offReason, Function<Dossier, String> recipient,
      Function<NoticeFacts, String> body, UnaryOperator<String> mask, Function<PetitionFacts, String> petitionRecipient,
      Function<PetitionFacts, String> petitionBody) {
    if (name == null || name.isBlank() || name.length() > 10) {
      throw new IllegalArgumentException("A channel's key has 1 to 10 characters: " + name);
    }
    this.name = name;
    this.label = label;
    this.offReason = offReason;
    this.recipient = recipient;
    this.body = body;
    this.mask = mask;
    this.petitionRecipient = petitionRecipient;
    this.petitionBody = petitionBody;
  }

  /**
   * This channel, also carrying the notices of petitions (phản ánh, kiến nghị): a channel without it sends
   * petitioners nothing.
   *
   * @param recipient the petitioner's recipient on this channel ({@code null} or blank: no message)
   * @param body the body of a petition notice's message
   */
  public NotificationChannel withPetitions(Function<PetitionFacts, String> recipient,
      Function<PetitionFacts, String> body) {
    return new NotificationChannel(name, label, offReason, this.recipient, this.body, mask, recipient, body);
  }

  /** The built-in channels, e-mail and SMS. */
  public static NotificationChannel[] values() {
    return BUILT_IN.clone();
  }

  /**
   * The channel of a stored key: a built-in one, else a channel known only by its key (its label is the
   * key; {@link NotificationChannels#resolve} gives the registered one).
   */
  public static NotificationChannel valueOf(String name) {
    for (NotificationChannel c : BUILT_IN) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    return new NotificationChannel(name, name, null, d -> null, f -> "", r -> "***");
  }

  @JsonValue
  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String offReason() {
    return offReason;
  }

  /** The dossier's recipient on this channel, or {@code null} when it has none. */
  public String recipient(Dossier d) {
    return recipient.apply(d);
  }

  /** The petitioner's recipient on this channel, or {@code null} when it has none or the channel takes no petitions. */
  public String recipient(PetitionFacts f) {
    return petitionRecipient == null ? null : petitionRecipient.apply(f);
  }

  String body(PetitionFacts f) {
    return petitionBody.apply(f);
  }

  String body(NoticeFacts f) {
    return body.apply(f);
  }

  String mask(String r) {
    return mask.apply(r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NotificationChannel c && c.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
