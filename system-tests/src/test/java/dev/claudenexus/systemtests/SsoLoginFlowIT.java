package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The single sign-on login over plain HTTP, with the cookies a browser would send: none on the
 * provider's cross-site redirect to the callback (the session cookie is SameSite=Strict), and the
 * session cookie on the same-site step that finishes the login.
 */
@ExtendWith(NexusServerExtension.class)
class SsoLoginFlowIT {

  private static final String COOKIE = "NEXUS_DASHBOARD_SESSION";
  private static final Pattern NEXT = Pattern.compile("url=(/dashboard/sso/complete\\?[^\"]+)\"");

  private final SsoServices sso;
  private final ApiClient api = new ApiClient();

  SsoLoginFlowIT(SsoServices sso) {
    this.sso = sso;
  }

  /** A login sent to the provider and back: the browser's session cookie and the callback URL. */
  private record Started(String cookie, String callback) {}

  /**
   * Starts a login and follows the provider's redirect. Only a login that reaches the code exchange
   * may queue its user at the provider, because a queued user that no exchange takes would be handed
   * to the next test's token request.
   */
  private Started startLogin(boolean exchanged) throws Exception {
    if (exchanged) {
      sso.nextUser("carl", List.of(SsoServices.VIEWER_GROUP), 600);
    }
    HttpResponse<String> form = api.get(sso.dashboardUrl() + "/dashboard/login");
    String cookie = sessionCookie(form);
    HttpResponse<String> start = api.get(sso.dashboardUrl() + "/dashboard/sso/login",
        "Cookie", COOKIE + "=" + cookie);
    assertThat(start.statusCode()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(sso.issuer()).contains("code_challenge_method=S256")
        .contains("nonce=").contains("state=");
    HttpResponse<String> provider = api.get(authorize);
    assertThat(provider.statusCode()).isEqualTo(302);
    return new Started(cookie, provider.headers().firstValue("Location").orElseThrow());
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(COOKIE + "="))
        .map(value -> value.substring(COOKIE.length() + 1, value.indexOf(';')))
        .findFirst().orElseThrow();
  }

  private String completionPath(Started started) throws Exception {
    HttpResponse<String> callback = api.get(started.callback());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
    Matcher next = NEXT.matcher(callback.body());
    assertThat(next.find()).as(callback.body()).isTrue();
    return next.group(1).replace("&amp;", "&");
  }

  @Test
  void callbackWithoutCookieFinishesLogin() throws Exception {
    Started started = startLogin(true);
    String next = completionPath(started);

    HttpResponse<String> complete = api.get(sso.dashboardUrl() + next,
        "Cookie", COOKIE + "=" + started.cookie());

    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(303);
    String cookie = sessionCookie(complete);
    assertThat(cookie).as("a new session id after login").isNotEqualTo(started.cookie());
    HttpResponse<String> read = api.get(sso.dashboardUrl() + "/api/requests?limit=1",
        "Cookie", COOKIE + "=" + cookie);
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void completionFromOtherSessionIsRejected() throws Exception {
    Started started = startLogin(false);
    String next = completionPath(started);
    String otherCookie = sessionCookie(api.get(sso.dashboardUrl() + "/dashboard/login"));

    HttpResponse<String> withoutCookie = api.get(sso.dashboardUrl() + next);
    HttpResponse<String> otherSession = api.get(sso.dashboardUrl() + next, "Cookie", COOKIE + "=" + otherCookie);

    assertThat(withoutCookie.statusCode()).isEqualTo(400);
    assertThat(withoutCookie.body()).contains("started in another");
    assertThat(otherSession.statusCode()).as("the state is used up").isEqualTo(400);
  }

  @Test
  void stateIsUsedOnce() throws Exception {
    Started started = startLogin(true);
    String next = completionPath(started);
    HttpResponse<String> first = api.get(sso.dashboardUrl() + next, "Cookie", COOKIE + "=" + started.cookie());

    HttpResponse<String> again = api.get(sso.dashboardUrl() + next, "Cookie", COOKIE + "=" + started.cookie());

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("Login expired");
  }

  @Test
  void hostileCallbackParametersAreRejected() throws Exception {
    String callback = sso.dashboardUrl() + "/dashboard/sso/callback";
    String complete = sso.dashboardUrl() + "/dashboard/sso/complete";
    for (String query : List.of("", "?code=abc", "?state=abc", "?state=" + "s".repeat(600) + "&code=c",
        "?state=s&code=" + "c".repeat(5000))) {
      assertThat(api.get(callback + query).statusCode()).as("callback" + query.substring(0, Math.min(20, query.length())))
          .isEqualTo(400);
      assertThat(api.get(complete + query).statusCode()).as("complete" + query.substring(0, Math.min(20, query.length())))
          .isEqualTo(400);
    }
    HttpResponse<String> unknown = api.get(complete + "?state=unknown&code=abc");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Login expired");
  }

  @Test
  void providerErrorIsShownEscaped() throws Exception {
    HttpResponse<String> response = api.get(sso.dashboardUrl()
        + "/dashboard/sso/callback?error=%3Cscript%3Ealert(1)%3C/script%3E&state=x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("<script>").contains("&lt;script&gt;");
  }
}
