package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Prompts pages in a real browser: the sync card and "Sync now" with the session's CSRF token,
 * the search, a prompt's detail with the Claude Code command, and the read-only dashboard without
 * the button.
 */
@ExtendWith(NexusServerExtension.class)
class PromptsBrowserIT {

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final NexusServer server;
  private final String dashboard;

  PromptsBrowserIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  private Browser browser() {
    return SESSION.browser();
  }

  @BeforeEach
  void logIn() {
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    // Forget what the login page logged, so each test sees only its own page's messages.
    browser().consoleMessages();
  }

  @Test
  void listShowsPromptsAndSyncCard() {
    browser().open(dashboard + "/dashboard/prompts");

    assertThat(browser().await(By.id("sync-repository")).getText())
        .contains(NexusServer.GITHUB_OWNER + "/" + NexusServer.GITHUB_REPO);
    assertThat(browser().driver.findElements(By.cssSelector("a.nexus-prompt-link")))
        .extracting(WebElement::getText).contains(NexusServer.LOCAL_PROMPT);
    assertThat(browser().driver.findElement(By.id("sync-now")).isDisplayed()).isTrue();
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void searchFiltersByDescription() {
    browser().open(dashboard + "/dashboard/prompts");
    browser().await(By.id("search")).sendKeys("kept ONLY");
    browser().driver.findElement(By.id("apply-search")).click();

    browser().awaitUrlContaining("search=kept");
    browser().await(By.id("prompts"));
    assertThat(browser().driver.findElements(By.cssSelector("a.nexus-prompt-link")))
        .extracting(WebElement::getText).containsExactly(NexusServer.LOCAL_PROMPT);
  }

  @Test
  void detailShowsTemplateAndCommand() {
    browser().open(dashboard + "/dashboard/prompts");
    browser().await(By.linkText(NexusServer.LOCAL_PROMPT)).click();

    browser().awaitPath("/dashboard/prompts/" + NexusServer.LOCAL_PROMPT);
    assertThat(browser().await(By.id("prompt-template")).getText()).contains("Summarise {{topic}}");
    assertThat(browser().driver.findElement(By.id("prompt-arguments")).getText()).contains("topic", "detail");
    assertThat(browser().driver.findElement(By.id("claude-command")).getText())
        .startsWith("claude mcp add --transport http nexus-prompts http://").contains("/mcp")
        .contains("Authorization: Bearer");
    assertThat(browser().driver.findElement(By.id("slash-command")).getText())
        .isEqualTo("/mcp__nexus-prompts__" + NexusServer.LOCAL_PROMPT);
  }

  @Test
  void unknownPromptGets404Page() {
    browser().open(dashboard + "/dashboard/prompts/no-such-prompt");

    assertThat(browser().await(By.id("prompt-not-found")).getText()).contains("no-such-prompt");
  }

  @Test
  void syncNowUpdatesListAndStatus() {
    server.github.commitFiles(Map.of("browser-synced.yaml",
        "description: Synced from the browser test\ntemplate: Hello {{name}}\n"));
    browser().open(dashboard + "/dashboard/prompts");

    awaitSync();

    assertThat(browser().await(By.id("sync-notice")).getText()).contains("The sync finished");
    assertThat(browser().driver.findElements(By.cssSelector("a.nexus-prompt-link")))
        .extracting(WebElement::getText).contains("browser-synced", NexusServer.LOCAL_PROMPT);
    assertThat(browser().driver.findElement(By.id("sync-state")).getText()).startsWith("success");
    assertThat(browser().driver.findElement(By.id("sync-commit")).getText()).isEqualTo(server.github.commit());
  }

  /** Clicks "Sync now", again while the proxy's own sync holds the lease. */
  private void awaitSync() {
    for (int attempt = 0; attempt < 20; attempt++) {
      browser().await(By.id("sync-now")).click();
      browser().awaitPath("/dashboard/prompts");
      if (!browser().driver.getCurrentUrl().endsWith("sync=running")) {
        return;
      }
    }
    throw new AssertionError("A sync was still running after 20 attempts");
  }

  @Test
  void readOnlyDashboardHasNoSyncButton(ReadOnlyServices readOnly) {
    browser().driver.manage().deleteAllCookies();
    browser().open(readOnly.dashboardUrl() + "/dashboard/prompts");

    assertThat(browser().await(By.id("sync-not-configured")).getText()).contains("MCP_GITHUB_TOKEN");
    assertThat(browser().driver.findElements(By.id("sync-now"))).isEmpty();
  }
}
