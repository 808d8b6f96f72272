package vn.motcua.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver for the browser tests (tag e2e): no browser download, headless, the
 * background-networking flags this closed network needs, a fresh profile, Vietnam's time zone unless another is asked for.
 */
public final class HeadlessChromium {
  public static final String CHROMIUM = System.getProperty("motcua.e2e.chromium", "/usr/bin/chromium");
  public static final String CHROMEDRIVER = System.getProperty("motcua.e2e.chromedriver", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Whether both are installed; if not, prints why the named test is skipped. */
  public static boolean available(String test) {
    boolean browser = Files.isExecutable(Path.of(CHROMIUM));
    boolean chromedriver = Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!browser || !chromedriver) {
      System.out.println("SKIPPED " + test + ": " + (browser ? "" : CHROMIUM + " missing ")
          + (chromedriver ? "" : CHROMEDRIVER + " missing ") + "(apt-get install chromium chromium-driver; .ci/run does it)");
    }
    return browser && chromedriver;
  }

  /** A new browser with a window of this size, e.g. {@code "1440,1000"} or a phone's {@code "412,1400"}. */
  public static WebDriver start(String windowSize) throws IOException {
    return start(windowSize, "Asia/Ho_Chi_Minh");
  }

  /**
   * A new browser whose computer is set to {@code timeZone} (an officer's laptop abroad, or a Windows set to
   * another zone): what it shows must still be Vietnam's time.
   */
  public static WebDriver start(String windowSize, String timeZone) throws IOException {
    Path profile = Files.createTempDirectory("motcua-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=" + windowSize, "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", timeZone)).build();
    return new ChromeDriver(service, options);
  }
}
