package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code DASHBOARD_KEY_FAILURE_LIMIT}: after that many wrong dashboard keys within a minute, every
 * key a client sends gets 429 with {@code Retry-After}, on the API of both ports, the proxy's
 * operator endpoints and the login form. Each test acts as its own client through {@code
 * X-Forwarded-For}, which the run's services believe from 127.0.0.1.
 */
@ExtendWith(NexusServerExtension.class)
class KeyFailureLimitIT {

  private static final int LIMIT = NexusServer.KEY_FAILURE_LIMIT;
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
  private static final String COOKIE = "NEXUS_DASHBOARD_SESSION";

  private final NexusServer server;
  private final ApiClient api = new ApiClient();

  KeyFailureLimitIT(NexusServer server) {
    this.server = server;
  }

  /** Sends {@link #LIMIT} wrong keys to {@code url} as {@code client} and checks their status. */
  private void useUpAllowance(String url, String client, int wrongKeyStatus) throws Exception {
    for (int i = 0; i < LIMIT; i++) {
      HttpResponse<String> response = api.get(url, "X-Dashboard-Key", "wrong-key-" + i,
          "X-Forwarded-For", client);
      assertThat(response.statusCode()).as("wrong key %d to %s", i, url).isEqualTo(wrongKeyStatus);
    }
  }

  private void assertLimited(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).contains("rate_limited").contains("DASHBOARD_KEY_FAILURE_LIMIT");
  }

  @Test
  void proxyApiLimitsWrongKeys() throws Exception {
    String url = server.baseUrl() + "/api/domains";
    useUpAllowance(url, "198.51.100.11", 401);

    assertLimited(api.get(url, "X-Dashboard-Key", "wrong-key", "X-Forwarded-For", "198.51.100.11"));
    assertLimited(api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY,
        "X-Forwarded-For", "198.51.100.11"));
    assertThat(api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY,
        "X-Forwarded-For", "198.51.100.12").statusCode()).isEqualTo(200);
  }

  @Test
  void dashboardApiCountsEachRequestOnce() throws Exception {
    // The dashboard's realm and its API filter both check the key; one request must count once.
    String url = server.dashboardUrl() + "/api/domains";
    useUpAllowance(url, "198.51.100.21", 401);

    assertLimited(api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY,
        "X-Forwarded-For", "198.51.100.21"));
    assertLimited(api.get(server.dashboardUrl() + "/dashboard", "X-Dashboard-Key",
        NexusServer.DASHBOARD_KEY, "X-Forwarded-For", "198.51.100.21"));
  }

  @Test
  void operatorEndpointLimitsWrongKeys() throws Exception {
    String url = server.baseUrl() + "/token-stats";
    useUpAllowance(url, "198.51.100.31", 403);

    assertLimited(api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY,
        "X-Forwarded-For", "198.51.100.31"));
    assertLimited(api.get(server.baseUrl() + "/api/domains", "X-Dashboard-Key",
        NexusServer.DASHBOARD_KEY, "X-Forwarded-For", "198.51.100.31"));
  }

  /** A browser's session cookie and the CSRF token of its login form. */
  private record Form(String cookie, String csrf) {}

  private Form loadForm(String client) throws Exception {
    HttpResponse<String> form = api.get(server.dashboardUrl() + "/dashboard/login",
        "X-Forwarded-For", client);
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("the form has a CSRF field").isTrue();
    return new Form(sessionCookie(form), csrf.group(1));
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(COOKIE + "="))
        .map(value -> value.substring(COOKIE.length() + 1, value.indexOf(';')))
        .findFirst().orElseThrow();
  }

  @Test
  void loginFormLimitsWrongKeys() throws Exception {
    String client = "198.51.100.41";
    Form form = loadForm(client);
    String cookie = form.cookie();
    for (int i = 0; i < LIMIT; i++) {
      HttpResponse<String> wrong = postLogin(client, cookie, form.csrf(), "wrong-key-" + i);
      assertThat(wrong.statusCode()).as("wrong key %d", i).isEqualTo(302);
    }

    HttpResponse<String> limited = postLogin(client, cookie, form.csrf(), NexusServer.DASHBOARD_KEY);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Too many wrong keys").contains("DASHBOARD_KEY_FAILURE_LIMIT");
    assertThat(limited.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith(COOKIE));
  }

  @Test
  void loggedInSessionOutlastsLimit() throws Exception {
    String client = "198.51.100.51";
    Form form = loadForm(client);
    HttpResponse<String> login = postLogin(client, form.cookie(), form.csrf(), NexusServer.DASHBOARD_KEY);
    assertThat(login.statusCode()).isEqualTo(303);
    String session = sessionCookie(login);
    String url = server.dashboardUrl() + "/api/domains";
    useUpAllowance(url, client, 401);

    HttpResponse<String> withSession = api.get(url, "Cookie", COOKIE + "=" + session,
        "X-Dashboard-Key", "stale-key", "X-Forwarded-For", client);

    assertThat(withSession.statusCode()).isEqualTo(200);
    assertLimited(api.get(url, "X-Dashboard-Key", "stale-key", "X-Forwarded-For", client));
  }

  private HttpResponse<String> postLogin(String client, String cookie, String csrf, String key)
      throws Exception {
    String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
    return api.send("POST", server.dashboardUrl() + "/dashboard/login", body,
        "Content-Type", "application/x-www-form-urlencoded", "Cookie", COOKIE + "=" + cookie,
        "X-Forwarded-For", client);
  }
}
