package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Single sign-on in a browser: the login form's button, the provider's redirect back through the
 * callback page, the roles of admins and viewers, the page that rejects a user in no configured
 * group, the refresh of an expired session, and logout at the provider.
 *
 * <p>NOTE: the provider and the dashboard both listen on 127.0.0.1, which a browser treats as one
 * site, so the browser here still sends the SameSite=Strict cookie to the callback. {@link
 * SsoLoginFlowIT} sends the callback without it, as a browser does after a cross-site redirect.
 */
@ExtendWith(NexusServerExtension.class)
class SsoBrowserIT {

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();

  private final SsoServices sso;
  private final String dashboard;

  SsoBrowserIT(SsoServices sso) {
    this.sso = sso;
    this.dashboard = sso.dashboardUrl();
  }

  private Browser browser() {
    return SESSION.browser();
  }

  @BeforeEach
  void startLoggedOut() {
    browser().driver.manage().deleteAllCookies();
  }

  /** Logs in through the provider as the user the provider's next token names. */
  private void logInThroughProvider(String user, List<String> groups) {
    sso.nextUser(user, groups, 600);
    browser().open(dashboard + "/dashboard");
    browser().awaitPath("/dashboard/login");
    browser().await(By.id("sso-login")).click();
  }

  @Test
  void loginFormOffersBothWays() throws Exception {
    browser().open(dashboard + "/dashboard/login");

    assertThat(browser().await(By.id("sso-login")).getText()).contains("single sign-on");
    assertThat(browser().driver.findElements(By.id("key"))).hasSize(1);
    browser().screenshot("sso-login-form");
  }

  @Test
  void adminLogsInAndOut() throws Exception {
    logInThroughProvider("adam", List.of(SsoServices.ADMIN_GROUP));
    browser().awaitPath("/dashboard");

    assertThat(browser().await(By.id("signed-in-user")).getText()).isEqualTo("adam (admin)");
    browser().screenshot("sso-admin");

    browser().driver.findElement(By.id("logout")).click();
    URI endSession = sso.awaitProviderRequest("/endsession");
    browser().awaitPath("/dashboard/login");

    assertThat(endSession.getQuery()).contains("id_token_hint=")
        .contains("post_logout_redirect_uri=" + dashboard + "/dashboard/login");
    browser().open(dashboard + "/dashboard");
    browser().awaitPath("/dashboard/login");
  }

  @Test
  void viewerCannotChangeData() throws Exception {
    logInThroughProvider("vera", List.of(SsoServices.VIEWER_GROUP));
    browser().awaitPath("/dashboard");

    assertThat(browser().await(By.id("signed-in-user")).getText()).isEqualTo("vera (viewer)");
    Object status = browser().driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const csrf = document.querySelector('meta[name=csrf-token]').content;"
            + "fetch('/api/analyses', {method: 'POST', headers: {'Content-Type': 'application/json',"
            + " 'X-CSRF-Token': csrf}, body: JSON.stringify({conversationId: crypto.randomUUID(),"
            + " branchId: 'main'})}).then(r => done(r.status), e => done(String(e)));");
    assertThat(status).as("a viewer's session may not start an analysis").isEqualTo(403L);
    Object read = browser().driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/requests?limit=1').then(r => done(r.status), e => done(String(e)));");
    assertThat(read).as("a viewer's session reads the API").isEqualTo(200L);
  }

  @Test
  void userWithoutGroupIsRejected() throws Exception {
    logInThroughProvider("nina", List.of("other-team"));

    String refusal = browser().await(By.id("sso-refused")).getText();
    String page = browser().driver.findElement(By.tagName("main")).getText();
    browser().screenshot("sso-refused");

    assertThat(refusal).isEqualTo("Access denied");
    assertThat(page).contains("nina").contains("none of the groups")
        .contains(SsoServices.VIEWER_GROUP).contains(SsoServices.ADMIN_GROUP);
    browser().open(dashboard + "/dashboard");
    browser().awaitPath("/dashboard/login");
  }

  @Test
  void expiredSessionIsRefreshed() throws Exception {
    sso.nextUser("rita", List.of(SsoServices.VIEWER_GROUP), 3);
    browser().open(dashboard + "/dashboard/login");
    browser().await(By.id("sso-login")).click();
    browser().awaitPath("/dashboard");
    assertThat(browser().await(By.id("signed-in-user")).getText()).isEqualTo("rita (viewer)");

    // No user is queued for the refresh: the provider keeps the claims of the refresh token's login.
    Thread.sleep(4000);
    browser().open(dashboard + "/dashboard/requests");

    assertThat(sso.awaitTokenRequest("refresh_token")).contains("refresh_token=");
    browser().awaitPath("/dashboard/requests");
    assertThat(browser().await(By.id("signed-in-user")).getText()).isEqualTo("rita (viewer)");
  }

  @Test
  void dashboardKeyLoginStillWorks() {
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);

    assertThat(browser().await(By.id("signed-in-user")).getText()).isEqualTo("dashboard key (admin)");
  }
}
