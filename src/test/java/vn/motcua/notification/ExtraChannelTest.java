package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierTestSupport;

/**
 * A new channel is one {@link NotificationSender} bean: a kiosk screen at the One-Stop Division, registered
 * here in a child of the test application (the shared context stays as it is), gets its outbox row beside
 * SMS and e-mail, and its sending, the rule "at most once" and the failures, through the unchanged
 * {@link NotificationService}.
 */
@MotCuaSpringTest
class ExtraChannelTest extends DossierTestSupport {
  @Autowired ApplicationContext application;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ObjectMapper objectMapper;

  /** A kiosk that shows "your dossier's news" by the dossier's code. */
  static class KioskSender implements NotificationSender {
    static final NotificationChannel KIOSK = new NotificationChannel("KIOSK", "Màn hình tại Bộ phận Một cửa",
        "Chưa cấu hình màn hình thông báo.", Dossier::code,
        f -> "Hồ sơ " + f.dossierCode() + ": " + f.kind().label(), code -> code);
    final List<Notification> shown = new ArrayList<>();
    boolean on = true;
    boolean down;

    @Override
    public NotificationChannel channel() {
      return KIOSK;
    }

    @Override
    public boolean configured() {
      return on;
    }

    @Override
    public void send(Notification n) {
      if (down) {
        throw new NotificationException("kiosk unreachable");
      }
      shown.add(n);
    }
  }

  private AnnotationConfigApplicationContext withKiosk;
  private NotificationService service;
  private KioskSender kiosk;

  @BeforeEach
  void registerTheKiosk() {
    withKiosk = new AnnotationConfigApplicationContext();
    withKiosk.setParent(application);
    withKiosk.registerBean(KioskSender.class);
    withKiosk.registerBean(NotificationChannels.class, bd -> bd.setPrimary(true));
    withKiosk.registerBean(NotificationService.class, bd -> bd.setPrimary(true));
    withKiosk.refresh();
    service = withKiosk.getBean(NotificationService.class);
    kiosk = withKiosk.getBean(KioskSender.class);
  }

  @AfterEach
  void close() {
    withKiosk.close();
  }

  private NotificationService.Recorded received(Dossier d) {
    return new TransactionTemplate(transactionManager).execute(tx -> service.record(
        new DossierNotice(d.id(), DossierNotice.Kind.RECEIVED, at("2026-03-02T09:10"), null)));
  }

  private Notification kioskRow(Dossier d) {
    return service.ofDossier(d.id()).stream().filter(n -> n.channel().equals(KioskSender.KIOSK)).findFirst()
        .orElseThrow();
  }

  @Test
  void a_registered_channel_gets_its_outbox_row_after_sms_and_email_and_is_sent_once() throws Exception {
    clockAt("2026-03-02T09:00");
    Dossier d = register();

    NotificationService.Recorded recorded = received(d);

    assertThat(recorded.pending()).extracting(n -> n.channel().name()).containsExactly("SMS", "EMAIL", "KIOSK");
    Notification n = kioskRow(d);
    assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(n.recipient()).isEqualTo(d.code());
    assertThat(n.subject()).isEqualTo("Hồ sơ đã được tiếp nhận – mã hồ sơ " + d.code());
    assertThat(n.body()).isEqualTo("Hồ sơ " + d.code() + ": Hồ sơ đã được tiếp nhận");
    assertThat(received(d).pending()).as("a notice gives one message per channel").isEmpty();

    assertThat(service.send(n.id())).isEqualTo(NotificationService.Outcome.SENT);
    assertThat(service.send(n.id())).isEqualTo(NotificationService.Outcome.ALREADY_SENT);
    assertThat(kiosk.shown).extracting(Notification::id).containsExactly(n.id());
    assertThat(kioskRow(d).status()).isEqualTo(NotificationStatus.SENT);
    assertThat(service.summaries(d.id())).filteredOn(s -> s.channel().equals(KioskSender.KIOSK)).singleElement()
        .satisfies(s -> assertThat(s.channelName()).isEqualTo("Màn hình tại Bộ phận Một cửa"));
    // the officers' API shows a channel by its key, as it showed the enum's name
    assertThat(objectMapper.writeValueAsString(service.summaries(d.id()))).contains("\"channel\":\"SMS\"",
        "\"channel\":\"EMAIL\"", "\"channel\":\"KIOSK\"", "\"recipient\":\"091****678\"");
  }

  @Test
  void a_failure_of_the_new_channel_is_recorded_and_thrown_for_the_retry_and_an_unconfigured_one_is_skipped() {
    clockAt("2026-03-02T09:00");
    Dossier failing = register();
    kiosk.down = true;
    received(failing);
    Notification n = kioskRow(failing);
    assertThatThrownBy(() -> service.send(n.id())).isInstanceOf(NotificationException.class)
        .hasMessage("kiosk unreachable");
    assertThat(kioskRow(failing).status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(kioskRow(failing).lastError()).isEqualTo("kiosk unreachable");

    Dossier off = register();
    kiosk.on = false;
    received(off);
    assertThat(kioskRow(off).status()).isEqualTo(NotificationStatus.SKIPPED);
    assertThat(kioskRow(off).lastError()).isEqualTo("Chưa cấu hình màn hình thông báo.");
    assertThat(service.send(kioskRow(off).id())).isEqualTo(NotificationService.Outcome.SKIPPED);
    assertThat(kiosk.shown).isEmpty();
  }
}
