package vn.motcua.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both notification channels are on in the test application, pointed at local ports chosen free when the
 * suite starts: SMTP at {@link #SMTP_PORT} (a GreenMail server that the notification tests start and stop)
 * and the SMS gateway at {@link #SMS_PORT} (a JDK HttpServer stub). Other tests record notifications and
 * start their sending jobs like production, but no job executor runs them.
 */
public class TestChannels implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final int SMTP_PORT = freePort();
  public static final int SMS_PORT = freePort();
  public static final String SMS_PATH = "/sms/send";
  public static final String SMS_TOKEN = "test-token";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + SMTP_PORT,
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000",
        "motcua.notification.sms.url=http://127.0.0.1:" + SMS_PORT + SMS_PATH,
        "motcua.notification.sms.token=" + SMS_TOKEN,
        "motcua.notification.sms.read-timeout=1s",
        "motcua.notification.retry-cycle=R3/PT5M",
        "motcua.notification.status-page-url=https://dichvucong.tuyenquang.gov.vn/tra-cuu/").applyTo(context);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
