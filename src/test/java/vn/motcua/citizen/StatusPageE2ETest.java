package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.e2e.HeadlessChromium;

/**
 * The citizens' status page on a phone-sized window of Debian's headless Chromium: a dossier submitted
 * online is looked up with its code and phone number, its timeline shows, the requested supplement is
 * uploaded from the page, and after the return the citizen rates the service there. Screenshots go to
 * docs/screenshots/. Runs with {@code ./mvnw verify -Pe2e}; skipped when chromium or chromedriver is absent.
 */
@Tag("e2e")
@EnabledIf("browserAvailable")
@MotCuaSpringTest
class StatusPageE2ETest extends CitizenApiSupport {
  static final Path SHOTS = Path.of("docs", "screenshots");
  static final String PHONE = "0933555666";

  static WebDriver driver;

  @LocalServerPort int port;

  static boolean browserAvailable() {
    return HeadlessChromium.available("status page browser test");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    driver = HeadlessChromium.start("412,1400");
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** Waits up to 30 s; the page re-renders its timeline while we read it, so a stale element means "again". */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  private WebElement visible(String id) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  private void click(String id) {
    WebElement element = driver.findElement(By.id(id));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void shot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** The timeline's titles, read again if the page re-rendered it while they were read. */
  private List<String> timelineTitles() {
    for (int attempt = 1; ; attempt++) {
      try {
        return driver.findElements(By.cssSelector("#d-timeline .title")).stream().map(WebElement::getText).toList();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private void lookUp(String code, String secret) {
    driver.get("http://localhost:" + port + "/tra-cuu/?ma=" + code);
    WebElement codeField = visible("code");
    assertThat(codeField.getAttribute("value")).isEqualTo(code);
    WebElement secretField = driver.findElement(By.id("secret"));
    secretField.clear();
    secretField.sendKeys(secret);
    click("lookup-button");
  }

  /** The details form: the PIN of the receipt (or a one-time code) shows what the phone number does not. */
  private void showDetails(String pin) {
    WebElement field = visible("details-secret");
    assertThat(visible("details-hint").getText()).contains("mã tra cứu");
    assertThat(visible("send-code-button").getText()).contains("Gửi mã xác thực");
    field.sendKeys(pin);
    click("details-button");
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("details")));
  }

  @Test
  void a_citizen_follows_a_dossier_on_a_phone_uploads_the_supplement_and_rates_the_service() throws IOException {
    clockAt("2026-09-22T08:30");
    ResponseEntity<Map> submitted = submit(newClient(), null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Đỗ Thị Mai", PHONE), files("giay-de-nghi.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    String pin = (String) submitted.getBody().get("lookupPin");
    Dossier d = dossiers.getByCode(code);
    clockAt("2026-09-22T09:00");
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh")));

    // a wrong phone number: the same message as an unknown code, nothing shown
    lookUp(code, "0900000000");
    WebElement error = visible("lookup-error");
    assertThat(error.getText()).contains("Không tìm thấy hồ sơ");
    assertThat(driver.findElement(By.id("dossier")).isDisplayed()).isFalse();

    // the right one: the dossier, its timeline and the supplement request
    lookUp(code, PHONE);
    visible("dossier");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-code"), code));
    assertThat(driver.findElement(By.id("d-procedure")).getText()).isEqualTo(d.procedureName());
    assertThat(driver.findElement(By.id("d-status")).getText()).isEqualTo("Yêu cầu bổ sung");
    assertThat(timelineTitles()).containsExactly("Nộp hồ sơ", "Yêu cầu bổ sung, hoàn thiện hồ sơ");
    // the phone shows the progress; the items asked are details: the PIN of the submission shows them
    assertThat(driver.getPageSource()).doesNotContain("hợp đồng thuê");
    showDetails(pin);
    assertThat(visible("d-supplement-request").getText()).isEqualTo("Thiếu bản sao hợp đồng thuê địa điểm kinh doanh");
    assertThat(driver.getPageSource()).doesNotContain("Đỗ Thị Mai", PHONE.substring(1));
    shot("status-page-supplement-requested");

    // the supplement, uploaded from the page
    Path contract = Files.createTempFile("hop-dong-thue-", ".pdf");
    Files.write(contract, PDF);
    driver.findElement(By.id("supplement-files")).sendKeys(contract.toAbsolutePath().toString());
    driver.findElement(By.id("supplement-note")).sendKeys("Gửi bản sao hợp đồng thuê");
    click("supplement-button");
    waiting().until(d2 -> timelineTitles().contains("Đã nhận hồ sơ bổ sung"));
    assertThat(driver.findElement(By.id("supplement")).isDisplayed()).isFalse();
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NEW);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file WHERE dossier_id = ? AND purpose = 'SUPPLEMENT'",
        Long.class, d.id())).isEqualTo(1);

    // the officers finish; the citizen sees the result and rates the service
    clockAt("2026-09-22T14:00");
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8005555")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "ONLINE"), var(RECEIVER_NAME, "Đỗ Thị Mai")));

    lookUp(code, PHONE);
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-status"), "Đã trả kết quả"));
    showDetails(pin);
    assertThat(visible("d-result-text").getText()).contains("Được giải quyết", "10A8005555");
    assertThat(timelineTitles()).contains("Tiếp nhận hồ sơ, hẹn ngày trả kết quả", "Đã có kết quả giải quyết",
        "Đã trả kết quả");
    visible("evaluation");
    ((JavascriptExecutor) driver).executeScript("document.querySelector('input[name=rating][value=\"3\"]').click();");
    driver.findElement(By.id("evaluation-comment")).sendKeys("Không phải đi lại nhiều lần");
    click("evaluation-button");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-rated"), "Hài lòng"));
    assertThat(reload(d).rating()).isEqualTo(3);
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    shot("status-page");
  }
}
