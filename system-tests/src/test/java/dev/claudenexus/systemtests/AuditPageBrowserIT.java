package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit page in a real browser: an admin finds it in the navigation and finds the login there, filters
 * by action, pages with the keyset links and gets a CSV link with the same filters. The read-only
 * dashboard shows neither the link nor the trail.
 */
@ExtendWith(NexusServerExtension.class)
class AuditPageBrowserIT {

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final String dashboard;

  AuditPageBrowserIT(NexusServer server) throws Exception {
    this.dashboard = server.dashboardUrl();
  }

  private Browser browser() {
    return SESSION.browser();
  }

  @BeforeEach
  void logIn() {
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    browser().consoleMessages();
  }

  /** Reloads the page until it shows rows, because the writer stores events every 500 ms. */
  private List<WebElement> awaitRows(String url) {
    return new WebDriverWait(browser().driver, Duration.ofSeconds(30)).until(driver -> {
      browser().open(url);
      List<WebElement> rows = driver.findElements(By.cssSelector("#audit-events tr.audit-row"));
      return rows.isEmpty() ? null : rows;
    });
  }

  @Test
  void adminFindsOwnLoginAndFilters() {
    browser().open(dashboard + "/dashboard");
    browser().await(By.id("nav-audit")).click();
    browser().awaitPath("/dashboard/audit");

    awaitRows(dashboard + "/dashboard/audit?action=login");
    browser().open(dashboard + "/dashboard/audit");
    new Select(browser().await(By.id("audit-action"))).selectByValue("login");
    browser().driver.findElement(By.id("audit-apply")).click();
    awaitUrl(current -> current.contains("action=login"));
    browser().await(By.cssSelector("td.audit-action"));

    List<WebElement> actions = browser().driver.findElements(By.cssSelector("td.audit-action"));
    assertThat(actions).isNotEmpty();
    assertThat(actions).extracting(WebElement::getText).containsOnly("login");
    // The run's database also contains the single sign-on tests' logins, under their user names.
    assertThat(browser().driver.findElements(By.cssSelector("td.audit-user")))
        .extracting(WebElement::getText).contains("dashboard-session");
    assertThat(browser().driver.findElement(By.id("audit-csv")).getAttribute("href"))
        .contains("/api/audit.csv?action=login");
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void olderLinkPagesByKeyset() {
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    String url = dashboard + "/dashboard/audit?action=login&limit=1";
    // Both logins must be stored before the first page links to an older one.
    new WebDriverWait(browser().driver, Duration.ofSeconds(30)).until(driver -> {
      browser().open(url);
      return !driver.findElements(By.cssSelector("a#page-next")).isEmpty();
    });

    String first = browser().await(By.cssSelector("tr.audit-row time")).getAttribute("datetime");
    browser().driver.findElement(By.id("page-next")).click();
    awaitUrl(current -> current.contains("cursor="));
    String second = browser().await(By.cssSelector("tr.audit-row time")).getAttribute("datetime");

    assertThat(browser().driver.findElements(By.cssSelector("tr.audit-row"))).hasSize(1);
    assertThat(second).isLessThanOrEqualTo(first);
    assertThat(browser().driver.getCurrentUrl()).contains("limit=1");
    browser().await(By.id("page-newest")).click();
    awaitUrl(current -> !current.contains("cursor="));
    assertThat(browser().driver.getCurrentUrl()).contains("action=login");
  }

  private void awaitUrl(Predicate<String> condition) {
    new WebDriverWait(browser().driver, Duration.ofSeconds(15))
        .until(driver -> condition.test(driver.getCurrentUrl()));
  }

  @Test
  void invalidFilterShowsMessage() {
    browser().open(dashboard + "/dashboard/audit?from=yesterday");

    assertThat(browser().await(By.id("audit-error")).getText()).contains("Invalid from");
  }

  @Test
  void readOnlyDashboardHidesTrail(ReadOnlyServices readOnly) {
    browser().open(readOnly.dashboardUrl() + "/dashboard");
    browser().await(By.id("read-only-banner"));
    assertThat(browser().driver.findElements(By.id("nav-audit"))).isEmpty();

    browser().open(readOnly.dashboardUrl() + "/dashboard/audit");
    assertThat(browser().await(By.id("audit-denied")).getText()).contains("DASHBOARD_API_KEY");
    assertThat(browser().driver.findElements(By.id("audit-events"))).isEmpty();
  }
}
