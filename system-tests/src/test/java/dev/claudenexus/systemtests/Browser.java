package dev.claudenexus.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's ChromeDriver. It resolves no host name but
 * 127.0.0.1 and turns off the browser's own background traffic, so it reaches only the services the
 * tests started. Screenshots go to {@code system-tests/target/screenshots}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("nexus.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("nexus.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(15);

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a browser.
   *
   * @throws IllegalStateException when Chromium or ChromeDriver is not installed
   */
  static Browser start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": install the Debian packages chromium and chromium-driver (.ci/run does that)");
    }
    Path profile = Files.createTempDirectory("nexus-chromium-");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
            "--disable-features=MediaRouter,OptimizationHints,Translate",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--window-size=1400,1000", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // Naming the driver keeps Selenium from looking for one, which could download it.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  void open(String url) {
    driver.get(url);
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Waits until an element is visible and returns it. */
  WebElement await(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the page's path is {@code path}. */
  void awaitPath(String path) {
    new WebDriverWait(driver, WAIT).until(ignored -> path().equals(path));
  }

  /**
   * Waits until the address of the page contains {@code text}, so that a check that follows reads
   * the page a form submission loaded and not the page it left.
   */
  void awaitUrlContaining(String text) {
    new WebDriverWait(driver, WAIT).until(ignored -> driver.getCurrentUrl().contains(text));
  }

  /** Logs in through the dashboard's form and waits for the overview. */
  void logIn(String dashboardUrl, String key) {
    open(dashboardUrl + "/dashboard/login");
    await(By.id("key")).sendKeys(key);
    driver.findElement(By.id("login")).click();
    awaitPath("/dashboard");
  }

  /** Returns the browser console messages logged since the last call, errors and warnings first. */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a screenshot of the window as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Path directory = Path.of("target", "screenshots");
    Files.createDirectories(directory);
    Path file = directory.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    NexusServer.deleteRecursively(profile);
  }
}
