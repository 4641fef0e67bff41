package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.testsupport.gemini.GeminiReply;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analysis panel of the conversation page in a real browser. The tests generate an analysis and
 * follow its live status to the rendered result, regenerate with a custom prompt, retry a failure,
 * check that the model's raw text is shown as text, and check the disabled buttons of read-only mode.
 */
@ExtendWith(NexusServerExtension.class)
class AnalysisPanelBrowserIT {

  private static final Duration JOB_WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final NexusServer server;
  private final AnalysisFixtures fixtures;
  private final String dashboard;

  AnalysisPanelBrowserIT(NexusServer server) throws Exception {
    this.server = server;
    this.fixtures = new AnalysisFixtures(server.database);
    this.dashboard = server.dashboardUrl();
  }

  @BeforeEach
  void logIn() {
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    browser().consoleMessages();
  }

  @Test
  void generateFollowsStatusLiveThenRenders() throws Exception {
    String marker = AnalysisIT.marker("PANEL");
    server.gemini.script(marker, attempt -> GeminiReply.analysis().after(Duration.ofMillis(1500)));
    UUID conversation = fixtures.conversation(marker, 2, "");
    browser().open(conversationPage(conversation));
    WebElement panel = browser().await(By.id("analysis-panel"));
    assertThat(panel.getAttribute("data-state")).isEqualTo("idle");
    assertThat(browser().await(By.id("analysis-prompt")).getAttribute("value"))
        .contains("Answer with one JSON document");

    browser().await(By.id("analysis-generate")).click();

    browser().await(By.id("analysis-processing"));
    browser().screenshot("analysis-processing");
    WebElement summary = new WebDriverWait(browser().driver, JOB_WAIT)
        .until(driver -> driver.findElements(By.id("analysis-summary")).stream().findFirst().orElse(null));
    assertThat(summary.getText()).contains("sorting function");
    assertThat(browser().driver.findElement(By.id("analysis-sentiment")).getText()).isEqualTo("positive");
    assertThat(browser().driver.findElements(By.cssSelector("#analysis-topics li"))).hasSize(2);
    assertThat(browser().driver.findElements(By.id("analysis-regenerate"))).hasSize(1);
    assertThat(server.gemini.callsContaining(marker).get(0).text())
        .doesNotContain("Answer with one JSON document\n\nAnswer");
    browser().screenshot("analysis-completed");
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void regenerateSendsCustomPrompt() throws Exception {
    String marker = AnalysisIT.marker("PANEL-REGEN");
    UUID conversation = fixtures.conversation(marker, 1, "");
    fixtures.analysisRow(conversation, "pending", null, Duration.ZERO);
    awaitStatus(conversation, "completed");
    browser().open(conversationPage(conversation));
    browser().await(By.cssSelector("#analysis-regenerate-form summary")).click();
    WebElement prompt = browser().await(By.id("analysis-prompt"));
    prompt.clear();
    prompt.sendKeys("Name the PANEL-CUSTOM-PROMPT topics only.");

    browser().await(By.id("analysis-regenerate")).click();

    new WebDriverWait(browser().driver, JOB_WAIT)
        .until(driver -> server.gemini.callsContaining(marker).size() == 2
            && !driver.findElements(By.id("analysis-summary")).isEmpty());
    assertThat(server.gemini.callsContaining(marker).get(1).text())
        .contains("Name the PANEL-CUSTOM-PROMPT topics only.");
  }

  @Test
  void failureShowsErrorAndRetryWorks() throws Exception {
    String marker = AnalysisIT.marker("PANEL-FAIL");
    server.gemini.script(marker, attempt -> attempt <= 3
        ? GeminiReply.error(500, "INTERNAL", "An internal error has occurred.")
        : GeminiReply.analysis());
    UUID conversation = fixtures.conversation(marker, 1, "");
    browser().open(conversationPage(conversation));
    browser().await(By.id("analysis-generate")).click();

    WebElement error = new WebDriverWait(browser().driver, JOB_WAIT)
        .until(driver -> driver.findElements(By.id("analysis-error")).stream().findFirst().orElse(null));
    assertThat(error.getText()).contains("Gemini API error (500)");
    browser().screenshot("analysis-failed");

    browser().await(By.id("analysis-retry")).click();

    new WebDriverWait(browser().driver, JOB_WAIT)
        .until(driver -> !driver.findElements(By.id("analysis-summary")).isEmpty());
  }

  @Test
  void rawModelTextShownAsText() throws Exception {
    String marker = AnalysisIT.marker("PANEL-RAW");
    String raw = "No JSON here <img src=x onerror=alert(1)><script>alert(2)</script>";
    server.gemini.script(marker, attempt -> GeminiReply.text(raw, 10, 10));
    UUID conversation = fixtures.conversation(marker, 1, "");
    fixtures.analysisRow(conversation, "pending", null, Duration.ZERO);
    awaitStatus(conversation, "completed");

    browser().open(conversationPage(conversation));

    assertThat(browser().await(By.id("analysis-raw")).getAttribute("textContent")).isEqualTo(raw);
    assertThat(browser().driver.findElements(By.cssSelector("#analysis-panel img"))).isEmpty();
    assertThatThrownBy(() -> browser().driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void readOnlyModeDisablesButtons(ReadOnlyServices readOnly) throws Exception {
    UUID conversation = fixtures.conversation(AnalysisIT.marker("PANEL-RO"), 1, "");

    browser().open(readOnly.dashboardUrl() + "/dashboard/conversation/" + conversation);

    assertThat(browser().await(By.id("analysis-generate")).isEnabled()).isFalse();
    assertThat(browser().await(By.id("analysis-read-only")).getText()).contains("read-only mode");
  }

  private void awaitStatus(UUID conversation, String status) throws Exception {
    new WebDriverWait(browser().driver, JOB_WAIT).until(driver -> {
      try {
        return status.equals(fixtures.queryValue("SELECT CAST(status AS VARCHAR(20)) FROM"
            + " conversation_analyses WHERE conversation_id = ?", conversation));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private String conversationPage(UUID conversation) {
    return dashboard + "/dashboard/conversation/" + conversation;
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
