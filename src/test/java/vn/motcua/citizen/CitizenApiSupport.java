package vn.motcua.citizen;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.dossier.DossierTestSupport;

/** Calls of the public API as the national portal makes them, each test from its own client address. */
abstract class CitizenApiSupport extends DossierTestSupport {
  static final String COMMUNE_PROCEDURE = "Procedure_HouseholdBusinessRegistration";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
      0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  /** A client address of its own (the test profile trusts X-Forwarded-For). */
  static String newClient() {
    int n = CLIENTS.incrementAndGet();
    return "10.77." + (n / 250) + "." + (n % 250 + 1);
  }

  static HttpHeaders from(String client) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);
    return headers;
  }

  static String submissionJson(String procedureKey, String receivingUnit, String name, String phone) {
    return """
        {"procedureKey": "%s", "receivingUnit": "%s",
         "applicant": {"name": "%s", "idNumber": "008090001234", "phone": "%s",
                       "email": "binh.le@example.vn", "address": "Số 12 đường Tân Trào, phường Minh Xuân"},
         "requestSummary": "Đăng ký hộ kinh doanh cửa hàng văn phòng phẩm Bình Minh"}
        """.formatted(procedureKey, receivingUnit, name, phone);
  }

  static Map<String, byte[]> files(Object... nameThenBytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      files.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
    }
    return files;
  }

  static HttpEntity<ByteArrayResource> filePart(String name, byte[] bytes) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  ResponseEntity<Map> submit(String client, String idempotencyKey, String dossierJson, Map<String, byte[]> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (dossierJson != null) {
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      body.add("dossier", new HttpEntity<>(dossierJson, json));
    }
    files.forEach((name, bytes) -> body.add("files", filePart(name, bytes)));
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.exchange("/api/public/dossiers", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  ResponseEntity<Map> lookup(String client, String code, String secret) {
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"code\": " + (code == null ? "null" : "\"" + code + "\"") + ", \"secret\": "
        + (secret == null ? "null" : "\"" + secret + "\"") + "}";
    return rest.exchange("/api/public/dossiers/lookup", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  ResponseEntity<Map> supplement(String client, String code, String secret, String note, Map<String, byte[]> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (secret != null) {
      body.add("secret", secret);
    }
    if (note != null) {
      body.add("note", note);
    }
    files.forEach((name, bytes) -> body.add("files", filePart(name, bytes)));
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange("/api/public/dossiers/" + code + "/supplements", HttpMethod.POST,
        new HttpEntity<>(body, headers), Map.class);
  }

  ResponseEntity<Map> evaluate(String client, String code, String json) {
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/public/dossiers/" + code + "/evaluation", HttpMethod.POST,
        new HttpEntity<>(json, headers), Map.class);
  }
}
