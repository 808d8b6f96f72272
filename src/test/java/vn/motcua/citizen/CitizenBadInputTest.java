package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.files.FileProperties;

/**
 * Bad input at every public endpoint: a 4xx with a Vietnamese message (and the field at fault where
 * there is one), never a 500, and nothing stored: no dossier, no file row, no idempotency key, no file in
 * the store, no change to the dossier.
 */
@MotCuaSpringTest
class CitizenBadInputTest extends CitizenApiSupport {
  private static final String PHONE = "0945666777";
  private static String newDossier;
  private static String awaiting;
  private static String returned;

  @Autowired FileProperties fileProperties;

  /** One of each state the endpoints care about, made once through the API and the officers' tasks. */
  @BeforeEach
  void dossiers() {
    if (newDossier != null) {
      return;
    }
    clockAt("2026-09-21T09:00");
    newDossier = submitOk();
    awaiting = submitOk();
    completeOk("mc.hung", openTask(dossiers.getByCode(awaiting)), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao hợp đồng thuê địa điểm")));
    returned = submitOk();
    Dossier r = dossiers.getByCode(returned);
    completeOk("mc.hung", openTask(r), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(r);
    completeOk("cv.minh", openTask(r), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Đủ điều kiện."), var(RESULT_TEXT, "Giấy chứng nhận số 10A8000001")));
    completeOk("ld.thao", openTask(r), var(APPROVAL_DECISION, APPROVE));
    completeOk("mc.hung", openTask(r), vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Trịnh Văn Sơn")));
  }

  private String submitOk() {
    ResponseEntity<Map> r = submit(newClient(), null, valid(), files("don.pdf", PDF));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return (String) r.getBody().get("code");
  }

  static String valid() {
    return submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Trịnh Văn Sơn", PHONE);
  }

  static String withName(String name) {
    return submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", name, PHONE);
  }

  /** A bad request: what to send, the status expected, the field named in the answer (or null). */
  record Case(String name, Function<CitizenBadInputTest, ResponseEntity<String>> send, int status, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, int status, String field, Function<CitizenBadInputTest, ResponseEntity<String>> send) {
    return new Case(name, send, status, field);
  }

  static Stream<Arguments> cases() {
    byte[] big = new byte[11 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    byte[] huge = new byte[21 * 1024 * 1024];
    System.arraycopy(PDF, 0, huge, 0, PDF.length);
    Object[] tooMany = new Object[22];
    for (int i = 0; i < 11; i++) {
      tooMany[2 * i] = "trang-" + i + ".pdf";
      tooMany[2 * i + 1] = PDF;
    }
    return Stream.of(
        // ---- online submission ----
        c("submission without the dossier part", 400, "dossier", t -> t.raw(null, null, files("a.pdf", PDF))),
        c("dossier part that is not JSON", 400, "dossier", t -> t.raw(null, "{procedureKey: ", files("a.pdf", PDF))),
        c("applicant of the wrong type", 400, "applicant",
            t -> t.raw(null, "{\"procedureKey\": \"" + COMMUNE_PROCEDURE + "\", \"applicant\": \"Sơn\"}",
                files("a.pdf", PDF))),
        c("copies that are not a number", 400, "documents[0].copies",
            t -> t.raw(null, valid().replace("\"requestSummary\"",
                "\"documents\": [{\"name\": \"Giấy đề nghị\", \"copies\": \"nhiều\"}], \"requestSummary\""),
                files("a.pdf", PDF))),
        c("missing applicant fields", 400, "applicant.idNumber",
            t -> t.raw(null, "{\"procedureKey\": \"" + COMMUNE_PROCEDURE + "\", \"receivingUnit\": \"tq-minhxuan\","
                + " \"applicant\": {\"name\": \"Trịnh Văn Sơn\"}}", files("a.pdf", PDF))),
        c("unknown procedure", 400, "procedureKey",
            t -> t.raw(null, submissionJson("Procedure_Nope", "tq-minhxuan", "Trịnh Văn Sơn", PHONE), files("a.pdf", PDF))),
        c("unknown receiving unit", 400, "receivingUnit",
            t -> t.raw(null, submissionJson(COMMUNE_PROCEDURE, "tq-nowhere", "Trịnh Văn Sơn", PHONE), files("a.pdf", PDF))),
        c("commune procedure at the provincial centre", 400, "receivingUnit",
            t -> t.raw(null, submissionJson(COMMUNE_PROCEDURE, "tq-ttpvhcc", "Trịnh Văn Sơn", PHONE), files("a.pdf", PDF))),
        c("name with a right-to-left override", 400, "applicant.name",
            t -> t.raw(null, withName("Trịnh \u202EnơS"), files("a.pdf", PDF))),
        c("name with a zero-width space", 400, "applicant.name",
            t -> t.raw(null, withName("Trịnh\u200B Văn Sơn"), files("a.pdf", PDF))),
        c("name with digits and markup", 400, "applicant.name",
            t -> t.raw(null, withName("<script>Sơn</script>"), files("a.pdf", PDF))),
        c("malformed phone", 400, "applicant.phone",
            t -> t.raw(null, submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Trịnh Văn Sơn", "12345"), files("a.pdf", PDF))),
        c("no file", 400, "files", t -> t.raw(null, valid(), files())),
        c("an executable", 400, "files[0]", t -> t.raw(null, valid(), files("setup.exe", new byte[] {'M', 'Z', 1, 2}))),
        c("a PNG named .pdf", 400, "files[0]", t -> t.raw(null, valid(), files("don.pdf", PNG))),
        c("a text file named .jpg", 400, "files[0]", t -> t.raw(null, valid(), files("anh.jpg", "xin chào".getBytes()))),
        c("a file name hiding its extension", 400, "files[0]",
            t -> t.raw(null, valid(), files("anh\u202Efdp.exe", PDF))),
        c("an empty file", 400, "files[0]", t -> t.raw(null, valid(), files("rong.pdf", new byte[0]))),
        c("a file over the 10 MB limit", 400, "files[0]", t -> t.raw(null, valid(), files("lon.pdf", big))),
        c("a request over the upload limit", 413, null, t -> t.raw(null, valid(), files("rat-lon.pdf", huge))),
        c("too many files", 400, "files", t -> t.raw(null, valid(), files(tooMany))),
        c("a malformed idempotency key", 400, "Idempotency-Key", t -> t.raw("x y", valid(), files("a.pdf", PDF))),
        c("JSON instead of multipart", 415, null, t -> t.post("/api/public/dossiers", valid())),
        // ---- lookup ----
        c("lookup without a body", 400, null, t -> t.post("/api/public/dossiers/lookup", "")),
        c("lookup that is not JSON", 400, null, t -> t.post("/api/public/dossiers/lookup", "code=1")),
        c("lookup without the second factor", 400, "secret",
            t -> t.post("/api/public/dossiers/lookup", "{\"code\": \"" + newDossier + "\"}")),
        c("lookup with a malformed code", 400, "code",
            t -> t.post("/api/public/dossiers/lookup", "{\"code\": \"../../etc/passwd\", \"secret\": \"" + PHONE + "\"}")),
        c("lookup with a look-alike code", 400, "code",
            t -> t.post("/api/public/dossiers/lookup", "{\"code\": \"000.01.30.Н60-260921-0001\", \"secret\": \"1\"}")),
        c("lookup with a code of the wrong type", 400, null,
            t -> t.post("/api/public/dossiers/lookup", "{\"code\": [1, 2], \"secret\": \"" + PHONE + "\"}")),
        c("lookup with an over-long factor", 400, "secret",
            t -> t.post("/api/public/dossiers/lookup", "{\"code\": \"" + newDossier + "\", \"secret\": \""
                + "9".repeat(40) + "\"}")),
        // ---- supplement ----
        c("supplement of an unknown dossier", 404, null,
            t -> t.supplementRaw("000.01.30.H60-200101-0001", PHONE, files("a.pdf", PDF))),
        c("supplement with a wrong factor", 404, null, t -> t.supplementRaw(awaiting, "0900000000", files("a.pdf", PDF))),
        c("supplement without the factor", 400, "secret", t -> t.supplementRaw(awaiting, null, files("a.pdf", PDF))),
        c("supplement of a dossier not waiting for one", 409, null,
            t -> t.supplementRaw(newDossier, PHONE, files("a.pdf", PDF))),
        c("supplement without a file", 400, "files", t -> t.supplementRaw(awaiting, PHONE, files())),
        c("supplement with a disguised file", 400, "files[0]",
            t -> t.supplementRaw(awaiting, PHONE, files("hop-dong.pdf", "<html>".getBytes()))),
        c("supplement with a control character in the note", 400, "note",
            t -> t.supplementRawNote(awaiting, PHONE, "ghi chú\u0007", files("a.pdf", PDF))),
        // ---- evaluation ----
        c("rating out of the scale", 400, "rating",
            t -> t.post("/api/public/dossiers/" + returned + "/evaluation", "{\"secret\": \"" + PHONE + "\", \"rating\": 5}")),
        c("rating of the wrong type", 400, null,
            t -> t.post("/api/public/dossiers/" + returned + "/evaluation", "{\"secret\": \"" + PHONE + "\", \"rating\": \"tốt\"}")),
        c("rating missing", 400, "rating",
            t -> t.post("/api/public/dossiers/" + returned + "/evaluation", "{\"secret\": \"" + PHONE + "\"}")),
        c("comment hiding text", 400, "comment",
            t -> t.post("/api/public/dossiers/" + returned + "/evaluation",
                "{\"secret\": \"" + PHONE + "\", \"rating\": 3, \"comment\": \"tốt\\u202Exấu\"}")),
        c("rating with a wrong factor", 404, null,
            t -> t.post("/api/public/dossiers/" + returned + "/evaluation", "{\"secret\": \"0900000000\", \"rating\": 3}")),
        c("rating before the result is returned", 409, null,
            t -> t.post("/api/public/dossiers/" + newDossier + "/evaluation", "{\"secret\": \"" + PHONE + "\", \"rating\": 3}")),
        // ---- statistics ----
        c("statistics of month 13", 400, "period", t -> t.get("/api/public/statistics?month=2026-13")),
        c("statistics of a malformed month", 400, "month", t -> t.get("/api/public/statistics?month=26-1")),
        c("statistics of a malformed year", 400, "year", t -> t.get("/api/public/statistics?year=năm")))
        .map(Arguments::of);
  }

  ResponseEntity<String> raw(String key, String dossierJson, Map<String, byte[]> files) {
    ResponseEntity<Map> r = submit(newClient(), key, dossierJson, files);
    return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
        .body(r.getBody() == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r.getBody()).toString());
  }

  ResponseEntity<String> supplementRaw(String code, String secret, Map<String, byte[]> files) {
    return supplementRawNote(code, secret, null, files);
  }

  ResponseEntity<String> supplementRawNote(String code, String secret, String note, Map<String, byte[]> files) {
    ResponseEntity<Map> r = supplement(newClient(), code, secret, note, files);
    return ResponseEntity.status(r.getStatusCode())
        .body(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r.getBody()).toString());
  }

  ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = from(newClient());
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(from(newClient())), String.class);
  }

  private record Stored(long dossiers, long files, long keys, long storeFiles, String awaitingStatus, Integer rating) {}

  private Stored stored() throws IOException {
    Path root = fileProperties.location().toAbsolutePath().normalize();
    long storeFiles;
    try (Stream<Path> walk = Files.walk(root)) {
      storeFiles = walk.filter(Files::isRegularFile).count();
    }
    return new Stored(
        jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM public_submission", Long.class),
        storeFiles,
        jdbc.queryForObject("SELECT status FROM dossier WHERE code = ?", String.class, awaiting),
        jdbc.queryForObject("SELECT rating FROM dossier WHERE code = ?", Integer.class, returned));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bad_input_gets_a_4xx_with_a_vietnamese_message_and_stores_nothing(Case c) throws IOException {
    Stored before = stored();
    ResponseEntity<String> response = c.send().apply(this);
    assertThat(response.getStatusCode().value()).as(c.name() + ": " + response.getBody()).isEqualTo(c.status());
    assertThat(response.getBody()).as(c.name()).isNotNull();
    assertThat(response.getBody()).contains("\"message\"");
    String message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).get("message").asText();
    assertThat(message).as("a Vietnamese message").matches(".*[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ].*");
    if (c.field() != null) {
      assertThat(response.getBody()).as(c.name()).contains("\"" + c.field() + "\"");
    }
    assertThat(stored()).as(c.name() + ": nothing stored").isEqualTo(before);
  }
}
