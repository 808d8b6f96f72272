package vn.motcua.notification;

/** A channel did not take a message; the sending job fails and retries. */
public class NotificationException extends RuntimeException {
  public NotificationException(String message) {
    super(message);
  }

  public NotificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
