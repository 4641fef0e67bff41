package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The token usage page in a real browser on the demo's data: the account cards with their limit
 * colours, the way to one account's view, its charts and tables, and the dark theme. The demo runs
 * in read-only mode, so no login is needed.
 */
@ExtendWith(NexusServerExtension.class)
@EnabledIfSystemProperty(named = "nexus.it.database", matches = "h2")
class TokenUsageBrowserIT {

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final String dashboard;

  TokenUsageBrowserIT(DemoServices demo) {
    this.dashboard = demo.dashboardUrl();
  }

  @BeforeEach
  void startWithNewSession() {
    browser().driver.manage().deleteAllCookies();
  }

  @Test
  void overviewShowsBothDemoAccounts() throws Exception {
    browser().open(dashboard + "/dashboard/token-usage");

    WebElement team = browser().await(By.cssSelector("[data-account-id='demo-team']"));
    WebElement solo = browser().await(By.cssSelector("[data-account-id='demo-solo']"));
    assertThat(team.findElement(By.className("token-share")).getAttribute("class")).contains("token-level-ok");
    assertThat(solo.findElement(By.className("token-share")).getAttribute("class"))
        .as("the solo account's small limit is more than 70 %% used").doesNotContain("token-level-ok");
    assertThat(solo.findElement(By.className("token-account-output")).getText()).contains("of 2,500 output tokens");
    browser().screenshot("token-usage");
  }

  @Test
  void accountLinkOpensAccountView() {
    browser().open(dashboard + "/dashboard/token-usage");
    browser().await(By.cssSelector("[data-account-id='demo-solo'] .token-account-link")).click();

    browser().await(By.id("window-share"));
    assertThat(browser().driver.getCurrentUrl()).endsWith("/dashboard/token-usage?accountId=demo-solo");
    assertThat(browser().await(By.tagName("h1")).getText()).isEqualTo("Token usage of demo-solo");
    assertThat(browser().await(By.id("window-limit")).getText()).contains("2,500").contains("credential file");
  }

  @Test
  void accountViewHasTablesAndCharts() throws Exception {
    browser().open(dashboard + "/dashboard/token-usage?accountId=demo-solo");
    browser().await(By.id("window-share"));

    assertThat(browser().driver.findElements(By.cssSelector("#cost-by-model tbody tr"))).isNotEmpty();
    assertThat(browser().driver.findElements(By.cssSelector("#daily-usage tbody tr"))).hasSize(1);
    for (String chart : new String[] {"widget_chart_24h", "widget_chart_7d"}) {
      Object datasets = browser().driver.executeScript(
          "var w = PrimeFaces.widgets[arguments[0]]; return w && w.chart ? w.chart.data.datasets.length : 0;", chart);
      assertThat(((Number) datasets).intValue()).as("datasets drawn by %s", chart).isGreaterThanOrEqualTo(2);
    }
    browser().screenshot("token-usage-account");
  }

  @Test
  void pagesLoadWithoutPolicyViolations() {
    browser().consoleMessages();
    for (String page : new String[] {"/dashboard/token-usage", "/dashboard/token-usage?accountId=demo-team",
        "/dashboard/token-usage?accountId=nobody"}) {
      browser().open(dashboard + page);
      browser().await(By.tagName("h1"));

      assertThat(browser().consoleMessages()).as("console of %s", page).isEmpty();
    }
  }

  @Test
  void unknownAccountSaysSo() {
    browser().open(dashboard + "/dashboard/token-usage?accountId=nobody");

    assertThat(browser().await(By.id("unknown-account")).getText()).contains("nobody sent no request");
  }

  @Test
  void darkThemeRedrawsChartColours() {
    browser().open(dashboard + "/dashboard/token-usage?accountId=demo-team");
    browser().await(By.id("toggle-theme")).click();

    browser().await(By.cssSelector("body.nexus-dark"));
    assertThat(browser().driver.getCurrentUrl()).endsWith("?accountId=demo-team");
    Object colour = browser().driver.executeScript(
        "return PrimeFaces.widgets.widget_chart_24h.chart.data.datasets[0].borderColor;");
    assertThat(colour).isEqualTo("#7fa9f5");
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
