package vn.motcua.signature;

import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.motcua.web.ClientError;

/**
 * No certificate is installed for the agency that must sign (docs/signatures.md): the document is not
 * issued unsigned. HTTP 503 with a Vietnamese message; inside an engine step the officer's action is
 * rolled back and the task stays open.
 */
public class SigningKeyMissingException extends RuntimeException implements ClientError {
  public SigningKeyMissingException(String agency) {
    super("Chưa cài đặt chứng thư số của cơ quan " + agency + " để ký số văn bản; đề nghị quản trị hệ thống cài đặt"
        + " (motcua.signature.agencies." + agency + ").");
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.SERVICE_UNAVAILABLE;
  }

  @Override
  public String code() {
    return "signature_key_missing";
  }

  @Override
  public String userMessage() {
    return getMessage();
  }

  @Override
  public Map<String, String> fields() {
    return Map.of();
  }
}
