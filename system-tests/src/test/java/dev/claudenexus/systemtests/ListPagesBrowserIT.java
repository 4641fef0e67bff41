package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The overview, requests and domain stats pages in a real browser: keyset pages, the domain filter
 * and search, live rows from the request stream, and the hourly charts.
 */
@ExtendWith(NexusServerExtension.class)
class ListPagesBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();

  private final NexusServer server;
  private final String dashboard;
  private final ProxyCalls calls;
  private final StoredRequests stored;

  ListPagesBrowserIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
  }

  @BeforeEach
  void logIn() {
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
  }

  /** Empties the fake's queue: later test classes read the requests it received in order. */
  @AfterEach
  void discardUpstreamRequests() {
    server.fake.discardReceived();
  }

  /** Sends a new single-message conversation through the proxy and returns its stored row. */
  private Map<String, Object> storeConversation(String text) throws Exception {
    String requestId = ProxyCalls.requestId(
        calls.post("/v1/messages", ProxyCalls.inferenceBody(false, text)));
    return stored.await(requestId);
  }

  private static String query() {
    String search = java.net.URI.create(browser().driver.getCurrentUrl()).getRawQuery();
    return search == null ? "" : URLDecoder.decode(search, StandardCharsets.UTF_8);
  }

  private static Object script(String source, Object... arguments) {
    return ((JavascriptExecutor) browser().driver).executeScript(source, arguments);
  }

  private static void awaitScript(String condition) {
    new WebDriverWait(browser().driver, WAIT).until(driver -> Boolean.TRUE.equals(script(condition)));
  }

  private static void awaitLiveState(String state) {
    new WebDriverWait(browser().driver, WAIT).until(driver -> state.equals(
        driver.findElement(By.id("live-status")).getAttribute("data-state")));
  }

  @Test
  void overviewPagesForwardAndBack() throws Exception {
    storeConversation("first of the paged conversations");
    storeConversation("second of the paged conversations");

    browser().open(dashboard + "/dashboard?limit=1");
    String firstRow = browser().await(By.cssSelector("tr.conversation-row")).getAttribute("id");
    assertThat(browser().driver.findElement(By.id("page-previous")).getTagName()).isEqualTo("span");
    browser().await(By.id("page-next")).click();

    awaitScript("return location.search.indexOf('after=') >= 0;");
    String secondRow = browser().await(By.cssSelector("tr.conversation-row")).getAttribute("id");
    assertThat(secondRow).isNotEqualTo(firstRow);
    browser().await(By.id("page-previous")).click();

    awaitScript("return location.search.indexOf('before=') >= 0"
        + " || location.search.indexOf('after=') < 0;");
    assertThat(browser().await(By.cssSelector("tr.conversation-row")).getAttribute("id"))
        .isEqualTo(firstRow);
    browser().screenshot("overview-paged");
  }

  @Test
  void overviewFiltersByDomainAndSearch() throws Exception {
    Map<String, Object> row = storeConversation("conversation to search for");
    String conversationId = row.get("conversation_id").toString();
    String domain = row.get("domain").toString();

    browser().open(dashboard + "/dashboard");
    new Select(browser().await(By.id("domain-filter"))).selectByValue(domain);
    awaitScript("return location.search.indexOf('domain=') >= 0;");
    assertThat(query()).contains("domain=" + domain);
    WebElement search = browser().await(By.id("conversation-search"));
    search.sendKeys(conversationId);
    browser().driver.findElement(By.id("apply-filters")).click();

    browser().await(By.id("conversation-" + conversationId));
    assertThat(browser().driver.findElements(By.cssSelector("tr.conversation-row"))).hasSize(1);
    assertThat(browser().driver.findElement(By.cssSelector("#conversation-" + conversationId
        + " .conversation-link")).getAttribute("href"))
        .endsWith("/dashboard/conversation/" + conversationId);
  }

  @Test
  void requestsPageAddsLiveRowAsText() throws Exception {
    browser().open(dashboard + "/dashboard/requests");
    awaitLiveState("live");

    String requestId = ProxyCalls.requestId(calls.post("/v1/messages",
        ProxyCalls.inferenceBody(false, "<script>alert(1)</script> live row")));

    WebElement row = new WebDriverWait(browser().driver, WAIT)
        .until(driver -> driver.findElements(By.id("request-" + requestId)).stream()
            .findFirst().orElse(null));
    assertThat(row.getText()).contains(ProxyCalls.MODEL);
    assertThat(row.findElement(By.cssSelector("a.request-link")).getAttribute("href"))
        .endsWith("/dashboard/request/" + requestId);
    assertThat(browser().driver.findElements(By.cssSelector("#requests script"))).isEmpty();
    assertThat(alertShown()).isFalse();
    browser().screenshot("requests-live");
  }

  @Test
  void liveToggleFlipsPausedAndLive() {
    browser().open(dashboard + "/dashboard/requests");
    awaitLiveState("live");

    browser().await(By.id("live-toggle")).click();
    awaitLiveState("paused");
    browser().await(By.id("live-toggle")).click();

    awaitLiveState("live");
  }

  @Test
  void olderRequestPageIsNotLive() throws Exception {
    storeConversation("one of two requests for an older page");
    storeConversation("two of two requests for an older page");

    browser().open(dashboard + "/dashboard/requests?limit=1");
    browser().await(By.id("page-next")).click();

    awaitScript("return location.search.indexOf('after=') >= 0;");
    assertThat(browser().await(By.id("live-status")).getAttribute("data-state")).isEqualTo("paused");
    assertThat(browser().driver.findElements(By.id("live-toggle"))).isEmpty();
    assertThat(browser().await(By.id("live-newest")).getAttribute("href"))
        .endsWith("/dashboard/requests?limit=1");
  }

  @Test
  void domainStatsDrawsBothCharts() throws Exception {
    Map<String, Object> row = storeConversation("a request for the hourly charts");

    browser().open(dashboard + "/dashboard/usage");
    browser().await(By.id("card-total-requests"));
    awaitScript("return !!(window.Chart"
        + " && Chart.getChart(document.getElementById('requests-chart_canvas'))"
        + " && Chart.getChart(document.getElementById('tokens-chart_canvas')));");
    List<String> datasets = new ArrayList<>();
    for (Object label : (List<?>) script("return Chart.getChart(document.getElementById("
        + "'requests-chart_canvas')).data.datasets.map(function (d) { return d.label; });")) {
      datasets.add(label.toString());
    }
    assertThat(datasets).contains(row.get("domain").toString());
    browser().screenshot("domain-stats");

    new Select(browser().await(By.id("domain-filter"))).selectByValue(row.get("domain").toString());
    awaitScript("return location.search.indexOf('domain=') >= 0;");
    assertThat(browser().await(By.id("card-active-hours")).getText()).contains("of 168");
  }

  private static boolean alertShown() {
    try {
      browser().driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
