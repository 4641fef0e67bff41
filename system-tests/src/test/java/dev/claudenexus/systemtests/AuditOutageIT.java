package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recording an audit event does not wait for the database: with the database unreachable the login
 * form still responds, and its event reaches {@code audit_events} once the database is back. Needs
 * a run where the services reach their database through the fault proxy (PostgreSQL, or the H2
 * server run).
 */
@ExtendWith(NexusServerExtension.class)
class AuditOutageIT {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
  private static final String COOKIE = "NEXUS_DASHBOARD_SESSION";
  private static final String WRONG_KEY = "wrong-key-while-database-is-down";

  private final ApiClient api = new ApiClient();
  private final NexusServer server;
  private final String dashboard;

  AuditOutageIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  @Test
  void loginFormRespondsWhileDatabaseIsDown() throws Exception {
    assumeTrue(server.database.faultProxy != null, "needs a database behind the fault proxy");
    String from = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    HttpResponse<String> form = api.get(dashboard + "/dashboard/login");
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("the login form has a CSRF field").isTrue();
    String cookie = form.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(COOKIE + "=")).findFirst()
        .map(value -> value.substring(0, value.indexOf(';'))).orElseThrow();

    HttpResponse<String> rejected;
    server.database.faultProxy.refuse();
    try {
      // The login form needs no database, so it responds while the audit writer cannot write.
      rejected = api.send("POST", dashboard + "/dashboard/login",
          "key=" + WRONG_KEY + "&_csrf=" + csrf.group(1),
          "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie);
    } finally {
      server.database.faultProxy.restore();
    }

    assertThat(rejected.statusCode()).isEqualTo(302);
    JsonObject event = awaitFailedLogin(from);
    assertThat(event.getString("authMethod")).isEqualTo("dashboard-key");
    assertThat(event.toString()).doesNotContain(WRONG_KEY);
  }

  private JsonObject awaitFailedLogin(String from) throws Exception {
    String url = server.baseUrl() + "/api/audit?action=login.failed&from="
        + URLEncoder.encode(from, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      List<JsonObject> events = McpClient.json(response.body()).asJsonObject()
          .getJsonArray("events").getValuesAs(JsonObject.class);
      if (!events.isEmpty()) {
        return events.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The failed login was not audited within "
        + NexusServer.rowTimeout().toSeconds() + " s after the database came back");
  }
}
