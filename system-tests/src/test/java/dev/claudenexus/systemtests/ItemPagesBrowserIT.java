package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.systemtests.ClaudeCodeClient.Sent;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The request and conversation pages in a real browser(). The data is a session whose main agent
 * launches a Task sub-agent after a prompt that contains markup. The tests expand a message, open
 * the views, copy an id, switch between tree and timeline, and follow a sub-task box.
 */
@ExtendWith(NexusServerExtension.class)
class ItemPagesBrowserIT {

  static final String MARKUP = "<script>alert('prompt')</script><img src=x onerror=alert(2)>";
  static final String TASK_PROMPT = "List every <b>migration</b> under /home/dev/page-audit/db that"
      + " drops a column, with file name and column.";

  /** The ids of the scenario, stored once for all tests of the class. */
  record Scenario(String launchingRequestId, String conversationId) {}

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private static Scenario scenario;
  private final NexusServer server;
  private final String dashboard;

  ItemPagesBrowserIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  @BeforeEach
  void logInWithScenario() throws Exception {
    synchronized (ItemPagesBrowserIT.class) {
      if (scenario == null) {
        scenario = sendScenario();
      }
    }
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    browser().consoleMessages();
  }

  /** Sends a main-agent turn that launches a Task sub-agent, two sub-agent turns and a final reply. */
  private Scenario sendScenario() throws Exception {
    ClaudeCodeClient client = new ClaudeCodeClient(server);
    StoredRequests stored = new StoredRequests(server);
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "page-audit").useTaskTool();
    // Thirty lines make the prompt's card long enough to start collapsed.
    session.prompt(MARKUP + " Which migrations drop columns?" + "\nline".repeat(30));
    Sent launching = client.turn(session, AssistantReply.toolUse("I'll hand the scan to an agent.",
        ToolCall.task("Find dropped columns", TASK_PROMPT)));
    ClaudeCodeSession task = session.startTask(TASK_PROMPT);
    client.turn(task, AssistantReply.toolUse("", ToolCall.bash("grep -l 'DROP COLUMN' db/*.sql",
        "Find migrations that drop columns")));
    task.answerTools("db/V9__drop_legacy.sql");
    Sent last = client.turn(task, AssistantReply.text("V9 drops legacy_code from accounts."));
    session.answerTools("V9 drops legacy_code from accounts.");
    Sent reply = client.turn(session, AssistantReply.text("Only V9 drops a column."));

    Map<String, Object> row = stored.await(launching.requestId());
    stored.await(last.requestId());
    stored.await(reply.requestId());
    return new Scenario(launching.requestId(), String.valueOf(row.get("conversation_id")));
  }

  private String requestPage(String query) {
    return dashboard + "/dashboard/request/" + scenario.launchingRequestId() + query;
  }

  private String conversationPage(String query) {
    return dashboard + "/dashboard/conversation/" + scenario.conversationId() + query;
  }

  @Test
  void promptMarkupShownAsText() {
    browser().open(requestPage(""));

    List<String> texts = browser().driver.findElements(By.cssSelector(".nexus-msg .nexus-text"))
        .stream().map(element -> element.getAttribute("textContent")).toList();
    assertThat(texts).anyMatch(text -> text.contains(MARKUP));
    assertThat(browser().driver.findElements(By.cssSelector(".nexus-msg img[src='x']"))).isEmpty();
    assertThatThrownBy(() -> browser().driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void messageExpandsAndCollapses() throws Exception {
    browser().open(requestPage(""));
    WebElement card = browser().await(By.cssSelector("article.nexus-collapsible"));
    WebElement toggle = card.findElement(By.cssSelector(".nexus-msg-toggle"));
    assertThat(card.getAttribute("class")).contains("nexus-collapsed");
    assertThat(toggle.getText()).isEqualTo("Show more");

    toggle.click();

    assertThat(card.getAttribute("class")).doesNotContain("nexus-collapsed");
    assertThat(toggle.getText()).isEqualTo("Show less");
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    browser().screenshot("request-expanded");
    toggle.click();
    assertThat(toggle.getText()).isEqualTo("Show more");
  }

  @Test
  void remindersOpenTogether() {
    browser().open(requestPage("?order=oldest"));
    List<WebElement> reminders = browser().driver.findElements(By.cssSelector("details.nexus-reminder"));
    assertThat(reminders).isNotEmpty().allSatisfy(
        details -> assertThat(details.getAttribute("open")).isNull());

    browser().await(By.id("reminders-toggle")).click();

    assertThat(reminders).allSatisfy(details -> assertThat(details.getAttribute("open")).isNotNull());
  }

  @Test
  void viewTabsHaveAddresses() {
    browser().open(requestPage(""));

    browser().await(By.id("tab-raw")).click();
    assertThat(browser().await(By.id("raw-request-text")).getText()).contains("\"messages\"");
    assertThat(browser().driver.getCurrentUrl()).endsWith("?view=raw");
    browser().await(By.id("tab-headers")).click();
    assertThat(browser().await(By.id("request-metadata")).getText()).contains("/v1/messages");
    assertThat(browser().driver.getCurrentUrl()).endsWith("?view=headers");
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void copyButtonRunsScript() {
    browser().open(requestPage(""));
    WebElement copy = browser().await(By.cssSelector("#request-header .nexus-copy"));

    copy.click();

    new WebDriverWait(browser().driver, Duration.ofSeconds(5))
        .until(ignored -> !copy.getText().equals("Copy"));
    assertThat(copy.getText()).isIn("Copied", "Copy failed");
  }

  @Test
  void treeAndTimelineSwitch() throws Exception {
    browser().open(conversationPage(""));
    assertThat(browser().await(By.id("request-tree")).findElements(By.cssSelector("a.nexus-tree-node")))
        .hasSize(4);
    browser().screenshot("conversation-tree");

    browser().await(By.id("tab-timeline")).click();
    List<WebElement> entries = browser().await(By.id("view-timeline"))
        .findElements(By.cssSelector(".nexus-timeline-entry"));
    assertThat(entries).hasSize(4);
    assertThat(browser().driver.getCurrentUrl()).endsWith("?view=timeline");
    browser().screenshot("conversation-timeline");
    browser().await(By.id("tab-tree")).click();
    browser().await(By.id("request-tree"));
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void subtaskBoxLeadsToBranch() {
    browser().open(conversationPage(""));
    WebElement box = browser().await(By.cssSelector("a.nexus-subtask-box"));
    assertThat(box.findElement(By.tagName("title")).getAttribute("textContent"))
        .isEqualTo(TASK_PROMPT);
    assertThat(box.getText()).isEqualTo("sub-task 1 (2)");

    box.click();

    new WebDriverWait(browser().driver, Duration.ofSeconds(15))
        .until(ignored -> browser().driver.getCurrentUrl().endsWith("?branch=subtask_1"));
    assertThat(browser().await(By.cssSelector(".nexus-chip.active")).getText()).contains("subtask_1");
    assertThat(browser().driver.findElements(By.cssSelector("a.nexus-tree-node"))).hasSize(3);
  }

  @Test
  void darkThemeKeepsPage() throws Exception {
    browser().open(conversationPage("?view=timeline"));

    browser().await(By.id("toggle-theme")).click();

    browser().await(By.cssSelector("body.nexus-dark"));
    assertThat(browser().driver.getCurrentUrl()).endsWith("?view=timeline");
    browser().screenshot("conversation-timeline-dark");
    browser().open(requestPage(""));
    browser().await(By.cssSelector("body.nexus-dark"));
    browser().screenshot("request-dark");
    browser().await(By.id("toggle-theme")).click();
    browser().await(By.cssSelector("body.nexus-light"));
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
