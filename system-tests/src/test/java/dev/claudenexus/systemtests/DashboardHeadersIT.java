package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Security headers of dashboard responses and of {@code /api/*}, and CORS for configured origins. */
@ExtendWith(NexusServerExtension.class)
class DashboardHeadersIT {

  private final NexusServer server;
  private final ApiClient api = new ApiClient();
  private final String dashboard;

  DashboardHeadersIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  @Test
  void everyDashboardResponseHasSecurityHeaders() throws Exception {
    List<HttpResponse<String>> responses = List.of(
        api.get(dashboard + "/dashboard/login"),
        api.get(dashboard + "/dashboard"),
        api.get(dashboard + "/no-such-page"),
        api.get(dashboard + "/api/requests"),
        api.get(dashboard + "/api/requests", "X-Dashboard-Key", NexusServer.DASHBOARD_KEY),
        api.get(server.baseUrl() + "/api/requests", "X-Dashboard-Key", NexusServer.DASHBOARD_KEY));
    for (HttpResponse<String> response : responses) {
      String where = response.request().uri() + " (" + response.statusCode() + ")";
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(where).contains("DENY");
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(where)
          .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'"));
      assertThat(response.headers().firstValue("Referrer-Policy")).as(where).isPresent();
    }
  }

  @Test
  void configuredOriginGetsCredentialedCors() throws Exception {
    for (String base : List.of(server.baseUrl(), dashboard)) {
      HttpResponse<String> response = api.get(base + "/api/domains",
          "Origin", NexusServer.CORS_ORIGIN, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(base)
          .contains(NexusServer.CORS_ORIGIN);
      assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).as(base)
          .contains("true");
    }
  }

  @Test
  void otherOriginGetsNoCors() throws Exception {
    for (String base : List.of(server.baseUrl(), dashboard)) {
      HttpResponse<String> response = api.get(base + "/api/domains",
          "Origin", "http://evil.example", "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);

      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(base).isEmpty();
      assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).as(base).isEmpty();
    }
  }

  @Test
  void preflightFollowsOriginList() throws Exception {
    HttpResponse<String> allowed = api.send("OPTIONS", dashboard + "/api/requests", null,
        "Origin", NexusServer.CORS_ORIGIN, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "X-CSRF-Token");
    HttpResponse<String> denied = api.send("OPTIONS", dashboard + "/api/requests", null,
        "Origin", "http://evil.example", "Access-Control-Request-Method", "POST");

    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(NexusServer.CORS_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(headers -> assertThat(headers).contains("X-CSRF-Token"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
