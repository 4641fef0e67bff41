package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Walks through every main page on the demo's data, as a new user would after {@code bin/nexus
 * demo}, checks that each shows its content without console errors, and saves the screenshots that
 * the README shows ({@code target/screenshots/page-*.png}, copied to {@code docs/screenshots}).
 */
@ExtendWith(NexusServerExtension.class)
@EnabledIfSystemProperty(named = "nexus.it.database", matches = "h2")
class ScreenshotsBrowserIT {

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final String dashboard;
  private final ApiClient api = new ApiClient();

  ScreenshotsBrowserIT(DemoServices demo) {
    this.dashboard = demo.dashboardUrl();
  }

  @Test
  void everyMainPageShowsTheDemo() throws Exception {
    JsonObject latest = ReadOnlyContractIT.json(
        api.get(dashboard + "/api/requests?limit=200").body());
    String conversation = conversationWithMostBranches(latest);
    String request = latest.getJsonArray("requests").getJsonObject(0).getString("request_id");
    browser().consoleMessages();

    visit("/dashboard", "page-overview", By.cssSelector("[id^=conversation-]"));
    visit("/dashboard/requests", "page-requests", By.cssSelector("#live-status"));
    visit("/dashboard/request/" + request, "page-request", By.tagName("h1"));
    visit("/dashboard/conversation/" + conversation, "page-conversation", By.tagName("svg"));
    visit("/dashboard/token-usage?accountId=demo-team", "page-token-usage", By.id("chart-24h"));
    visit("/dashboard/usage", "page-domain-stats", By.tagName("canvas"));
  }

  private void visit(String path, String screenshot, By content) throws Exception {
    browser().open(dashboard + path);
    browser().await(content);
    // Charts draw after the page has loaded.
    Thread.sleep(500);

    assertThat(browser().consoleMessages()).as("console of %s", path).isEmpty();
    browser().screenshot(screenshot);
  }

  /** Returns the conversation among the latest requests that has the most branches. */
  private static String conversationWithMostBranches(JsonObject latest) {
    Map<String, Set<String>> branches = new HashMap<>();
    for (JsonObject row : latest.getJsonArray("requests").getValuesAs(JsonObject.class)) {
      if (!row.isNull("conversation_id")) {
        branches.computeIfAbsent(row.getString("conversation_id"), id -> new HashSet<>())
            .add(row.isNull("branch_id") ? "main" : row.getString("branch_id"));
      }
    }
    return branches.entrySet().stream()
        .max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.size(), b.size())))
        .orElseThrow(() -> new AssertionError("the demo stored no conversation"))
        .getKey();
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
