package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The dashboard's pages in a real browser: logging in and out, the theme, the read-only banner, and
 * that no page breaks its Content Security Policy.
 */
@ExtendWith(NexusServerExtension.class)
class DashboardBrowserIT {

  /** The dashboard's pages that need no id; each must load without console errors. */
  static final List<String> PAGES = List.of("/dashboard", "/dashboard/requests",
      "/dashboard/token-usage", "/dashboard/usage");

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private final String dashboard;

  DashboardBrowserIT(NexusServer server) throws Exception {
    this.dashboard = server.dashboardUrl();
  }

  @BeforeEach
  void startLoggedOut() {
    browser().driver.manage().deleteAllCookies();
  }

  @Test
  void loginAndLogout() throws Exception {
    browser().open(dashboard + "/dashboard");
    browser().awaitPath("/dashboard/login");
    browser().screenshot("login");

    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    assertThat(browser().await(By.tagName("h1")).getText()).isEqualTo("Overview");
    browser().await(By.id("logout")).click();

    browser().awaitPath("/dashboard/login");
    browser().open(dashboard + "/dashboard");
    browser().awaitPath("/dashboard/login");
  }

  @Test
  void wrongKeyStaysOnLoginForm() {
    browser().open(dashboard + "/dashboard/login");
    browser().await(By.id("key")).sendKeys("not-the-key");
    browser().driver.findElement(By.id("login")).click();

    browser().awaitPath("/dashboard/login");
    assertThat(browser().await(By.cssSelector("[role=alert]")).getText()).contains("not valid");
  }

  @Test
  void themeToggleSwitchesToDarkAndBack() {
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    assertThat(bodyClass()).isEqualTo("nexus-light");

    browser().await(By.id("toggle-theme")).click();
    browser().await(By.cssSelector("body.nexus-dark"));
    browser().open(dashboard + "/dashboard");

    assertThat(bodyClass()).as("the theme stays for the session").isEqualTo("nexus-dark");
    browser().await(By.id("toggle-theme")).click();
    browser().await(By.cssSelector("body.nexus-light"));
  }

  @Test
  void pagesLoadWithoutPolicyViolations() throws Exception {
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    browser().consoleMessages();
    for (String page : PAGES) {
      browser().open(dashboard + page);
      browser().await(By.tagName("h1"));

      assertThat(browser().consoleMessages()).as("console of %s", page).isEmpty();
    }
    browser().open(dashboard + "/dashboard");
    browser().await(By.id("card-requests"));
    browser().screenshot("overview");
  }

  @Test
  void readOnlyModeShowsBannerAndNoLogout(ReadOnlyServices readOnly) {
    browser().open(readOnly.dashboardUrl() + "/dashboard");

    assertThat(browser().await(By.id("read-only-banner")).getText()).contains("Read-only mode");
    assertThat(browser().driver.findElements(By.id("logout"))).isEmpty();
    browser().open(readOnly.dashboardUrl() + "/dashboard/login");
    browser().awaitPath("/dashboard");
  }

  private static String bodyClass() {
    return browser().await(By.tagName("body")).getAttribute("class");
  }

  private static Browser browser() {
    return SESSION.browser();
  }
}
