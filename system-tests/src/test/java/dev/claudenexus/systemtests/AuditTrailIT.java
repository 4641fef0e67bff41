package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail end to end. Each audited action on either port leaves its event in {@code GET
 * /api/audit}, with the caller, method, address and service. Only admins read the trail, never in
 * read-only mode. Filters, keyset pages and the CSV export are checked too, and {@link
 * AuditOutageIT} shows that recording does not wait for the database.
 */
@ExtendWith(NexusServerExtension.class)
class AuditTrailIT {

  private static final String[] KEY = {"X-Dashboard-Key", NexusServer.DASHBOARD_KEY};
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
  private static final String COOKIE = "NEXUS_DASHBOARD_SESSION";
  private static final String FEEDBACK = "{\"session_id\":\"%s\",\"feedback\":{\"recommendation_feedback\":"
      + "{\"overall_feedback\":{\"rating\":4,\"comments\":\"Audited\"}}}}";

  private final ApiClient api = new ApiClient();
  private final NexusServer server;
  private final ProxyCalls calls;
  private final StoredRequests stored;
  private final String proxy;
  private final String dashboard;

  AuditTrailIT(NexusServer server) throws Exception {
    this.server = server;
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
    this.proxy = server.baseUrl();
    this.dashboard = server.dashboardUrl();
  }

  /** Stores one inference request through the proxy and returns its row. */
  private Map<String, Object> storeRequest(String text) throws Exception {
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.inferenceBody(false, text));
    assertThat(response.statusCode()).isEqualTo(200);
    return stored.await(ProxyCalls.requestId(response));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Returns a lower bound of the time of events that a test causes after this call. */
  private static String since() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private JsonObject auditPage(String base, String query) throws Exception {
    HttpResponse<String> response = api.get(base + "/api/audit?" + query, KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return McpClient.json(response.body()).asJsonObject();
  }

  /** Waits until the query selects at least {@code count} events and returns them, newest first. */
  private List<JsonObject> awaitEvents(String query, int count) throws Exception {
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    List<JsonObject> events = List.of();
    while (System.nanoTime() < deadline) {
      events = auditPage(proxy, query + "&limit=500").getJsonArray("events")
          .getValuesAs(JsonObject.class);
      if (events.size() >= count) {
        return events;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Expected " + count + " audit events for " + query + " within "
        + NexusServer.rowTimeout().toSeconds() + " s, found " + events);
  }

  private JsonObject awaitEvent(String query) throws Exception {
    return awaitEvents(query, 1).get(0);
  }

  @Test
  void requestViewsOnBothPortsAreAudited() throws Exception {
    String id = storeRequest("audit request view").get("request_id").toString();

    assertThat(api.get(proxy + "/api/requests/" + id, KEY).statusCode()).isEqualTo(200);
    // A newly stored request empties the dashboard's cache, so reads repeat until one is a hit.
    int dashboardReads = 0;
    boolean hit = false;
    while (!hit && dashboardReads < 20) {
      HttpResponse<String> read = api.get(dashboard + "/api/requests/" + id, KEY);
      assertThat(read.statusCode()).isEqualTo(200);
      hit = read.headers().firstValue("X-Nexus-Cache").orElse("").equals("hit");
      dashboardReads++;
      Thread.sleep(hit ? 0 : 300);
    }
    assertThat(hit).as("a read of the dashboard port came from the cache").isTrue();
    assertThat(api.get(dashboard + "/dashboard/request/" + id, KEY).statusCode()).isEqualTo(200);

    int expected = 1 + dashboardReads + 1;
    List<JsonObject> events = awaitEvents("action=request.view&id=" + id, expected);
    assertThat(events).hasSize(expected);
    assertThat(events).extracting(e -> e.getString("service").replaceAll(":\\d+$", ""))
        .containsOnly("proxy", "dashboard")
        .filteredOn("proxy"::equals).hasSize(1);
    for (JsonObject event : events) {
      assertThat(event.getString("user")).isEqualTo("dashboard-key");
      assertThat(event.getString("authMethod")).isEqualTo("dashboard-key");
      assertThat(event.getString("target")).isEqualTo(id);
      assertThat(event.getInt("outcome")).isEqualTo(200);
      assertThat(event.getString("address")).isEqualTo("127.0.0.1");
      assertThat(Instant.parse(event.getString("time"))).isBefore(Instant.now().plusSeconds(1));
    }
  }

  @Test
  void conversationViewsAreAudited() throws Exception {
    String from = since();
    String conversation = storeRequest("audit conversation view").get("conversation_id").toString();

    assertThat(api.get(dashboard + "/dashboard/conversation/" + conversation, KEY).statusCode())
        .isEqualTo(200);
    assertThat(api.get(proxy + "/api/conversations?limit=5", KEY).statusCode()).isEqualTo(200);

    JsonObject page = awaitEvent("action=conversation.view&id=" + conversation);
    assertThat(page.getString("service")).startsWith("dashboard:");
    assertThat(page.getString("user")).isEqualTo("dashboard-key");
    List<JsonObject> views = awaitEvents("action=conversation.view&from=" + from, 2);
    assertThat(views).extracting(e -> e.getString("service").replaceAll(":\\d+$", ""))
        .containsExactlyInAnyOrder("proxy", "dashboard");
  }

  @Test
  void analysisRequestAndViewsAreAudited() throws Exception {
    String conversation = storeRequest("audit analysis").get("conversation_id").toString();
    String body = "{\"conversationId\":\"" + conversation + "\",\"branchId\":\"main\"}";

    HttpResponse<String> created = api.send("POST", proxy + "/api/analyses", body,
        "Content-Type", "application/json", KEY[0], KEY[1]);
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    HttpResponse<String> read = api.get(proxy + "/api/analyses/" + conversation + "/main", KEY);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(api.get(dashboard + "/dashboard/conversation/" + conversation, KEY).statusCode())
        .isEqualTo(200);

    String target = encode(conversation + "/main");
    JsonObject request = awaitEvent("action=analysis.request&id=" + target);
    assertThat(request.getInt("outcome")).isEqualTo(created.statusCode());
    List<JsonObject> views = awaitEvents("action=analysis.view&id=" + target, 2);
    assertThat(views).extracting(e -> e.getString("service").replaceAll(":\\d+$", ""))
        .contains("proxy", "dashboard");
  }

  @Test
  void sparkFeedbackIsAudited() throws Exception {
    String session = "sess-audit-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> sent = api.send("POST", dashboard + "/api/spark/feedback",
        String.format(FEEDBACK, session), "Content-Type", "application/json", KEY[0], KEY[1]);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

    JsonObject event = awaitEvent("action=spark.feedback&id=" + session);
    assertThat(event.getInt("outcome")).isEqualTo(200);
    assertThat(event.getString("service")).startsWith("dashboard:");
  }

  @Test
  void mcpSyncIsAudited() throws Exception {
    String from = since();
    HttpResponse<String> sync = api.send("POST", proxy + "/api/mcp/sync", null, KEY);

    JsonObject event = awaitEvent("action=mcp.sync&from=" + from);
    assertThat(event.getInt("outcome")).isEqualTo(sync.statusCode());
    assertThat(event.getString("service")).startsWith("proxy:");
  }

  /** A browser's session cookie and the CSRF token of its login form. */
  private record LoginForm(String cookie, String csrf) {}

  private LoginForm loadLoginForm() throws Exception {
    HttpResponse<String> form = api.get(dashboard + "/dashboard/login");
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("the login form has a CSRF field").isTrue();
    String cookie = form.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(COOKIE + "=")).findFirst().orElseThrow();
    return new LoginForm(cookie.substring(COOKIE.length() + 1, cookie.indexOf(';')), csrf.group(1));
  }

  private HttpResponse<String> postLogin(LoginForm form, String key) throws Exception {
    return api.send("POST", dashboard + "/dashboard/login",
        "key=" + encode(key) + "&_csrf=" + form.csrf(),
        "Content-Type", "application/x-www-form-urlencoded", "Cookie", COOKIE + "=" + form.cookie());
  }

  @Test
  void loginLogoutAndFailureAreAudited() throws Exception {
    String from = since();
    LoginForm form = loadLoginForm();
    assertThat(postLogin(form, "not-the-key").statusCode()).isEqualTo(302);
    HttpResponse<String> login = postLogin(form, NexusServer.DASHBOARD_KEY);
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(COOKIE + "=")).findFirst()
        .map(value -> value.substring(0, value.indexOf(';'))).orElseThrow();
    assertThat(api.get(dashboard + "/dashboard/logout", "Cookie", cookie).statusCode()).isEqualTo(302);

    JsonObject failed = awaitEvent("action=login.failed&from=" + from);
    assertThat(failed.getString("user")).isEqualTo("anonymous");
    assertThat(failed.getString("authMethod")).isEqualTo("dashboard-key");
    assertThat(failed.getInt("outcome")).isEqualTo(401);
    JsonObject loggedIn = awaitEvent("action=login&from=" + from);
    assertThat(loggedIn.getString("user")).isEqualTo("dashboard-session");
    assertThat(loggedIn.getString("service")).startsWith("dashboard:");
    JsonObject loggedOut = awaitEvent("action=logout&from=" + from);
    assertThat(loggedOut.getString("user")).isEqualTo("dashboard-session");
    assertThat(loggedOut.getString("address")).isEqualTo("127.0.0.1");
  }

  @Test
  void callersWithoutKeyGet401() throws Exception {
    for (String base : List.of(proxy, dashboard)) {
      for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit?format=csv")) {
        HttpResponse<String> anonymous = api.get(base + path);
        HttpResponse<String> wrongKey = api.get(base + path, "X-Dashboard-Key", "wrong-key");

        assertThat(anonymous.statusCode()).as(base + path).isEqualTo(401);
        assertThat(wrongKey.statusCode()).as(base + path).isEqualTo(401);
      }
    }
  }

  @Test
  void readOnlyModeGets403(ReadOnlyServices readOnly) throws Exception {
    for (String base : List.of(readOnly.proxyUrl(), readOnly.dashboardUrl())) {
      for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit?format=csv")) {
        HttpResponse<String> response = api.get(base + path);

        assertThat(response.statusCode()).as(base + path).isEqualTo(403);
        assertThat(McpClient.json(response.body()).asJsonObject().getString("error"))
            .contains("DASHBOARD_API_KEY").contains("single sign-on");
      }
    }
    HttpResponse<String> page = api.get(readOnly.dashboardUrl() + "/dashboard/audit");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("audit-denied").contains("DASHBOARD_API_KEY")
        .doesNotContain("audit-events");
  }

  @Test
  void readOnlyViewIsAuditedAsAnonymous(ReadOnlyServices readOnly) throws Exception {
    String id = storeRequest("audit read-only view").get("request_id").toString();

    assertThat(api.get(readOnly.proxyUrl() + "/api/requests/" + id).statusCode()).isEqualTo(200);

    JsonObject event = awaitEvent("action=request.view&id=" + id);
    assertThat(event.getString("user")).isEqualTo("anonymous");
    assertThat(event.getString("authMethod")).isEqualTo("anonymous");
  }

  @Test
  void csvExportIsFilteredAndSafe() throws Exception {
    // An id that is not a UUID gets 400, and its view attempt is audited with the hostile id.
    String hostile = "=HYPERLINK(\"x\")-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> rejected = api.get(proxy + "/api/requests/" + encode(hostile), KEY);
    assertThat(rejected.statusCode()).isEqualTo(400);
    awaitEvent("id=" + encode(hostile));

    for (String url : List.of(proxy + "/api/audit.csv?id=" + encode(hostile),
        dashboard + "/api/audit?format=csv&id=" + encode(hostile))) {
      HttpResponse<String> csv = api.get(url, KEY);

      assertThat(csv.statusCode()).as(url).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/csv"));
      assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
          value -> assertThat(value).contains("audit.csv"));
      String[] lines = csv.body().split("\r\n");
      assertThat(lines[0]).isEqualTo("time,user,auth_method,action,target,outcome,address,service,"
          + "event_id");
      assertThat(lines).hasSize(2);
      assertThat(lines[1]).contains(",request.view,").contains(",400,")
          .contains("\"'=HYPERLINK(\"\"x\"\")-");
    }
  }

  @Test
  void filtersAndPagesSelectEachEventOnce() throws Exception {
    String id = storeRequest("audit paging").get("request_id").toString();
    String before = since();
    for (int i = 0; i < 5; i++) {
      assertThat(api.get(proxy + "/api/requests/" + id, KEY).statusCode()).isEqualTo(200);
    }
    List<JsonObject> all = awaitEvents("action=request.view&id=" + id, 5);

    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = auditPage(dashboard, "id=" + id + "&limit=2"
          + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      JsonArray events = page.getJsonArray("events");
      events.getValuesAs(JsonObject.class).forEach(e -> paged.add(e.getString("eventId")));
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(paged).containsExactlyElementsOf(
        all.stream().map(e -> e.getString("eventId")).toList());
    assertThat(auditPage(proxy, "id=" + id + "&user=someone-else").getJsonArray("events")).isEmpty();
    assertThat(auditPage(proxy, "id=" + id + "&action=login").getJsonArray("events")).isEmpty();
    assertThat(auditPage(proxy, "id=" + id + "&to=" + before).getJsonArray("events")).isEmpty();
    assertThat(auditPage(proxy, "id=" + id + "&from=" + before).getJsonArray("events")).hasSize(5);
  }

  @Test
  void hostileFiltersGet400() throws Exception {
    Map<String, String> cases = Map.of(
        "action=drop.table", "Invalid action",
        "from=yesterday", "Invalid from",
        "to=2026-02-30", "Invalid to",
        "limit=100000", "Invalid limit",
        "cursor=" + encode("' OR 1=1 --"), "Invalid cursor",
        "user=" + "u".repeat(300), "Invalid user",
        "id=%00", "Invalid id",
        "format=xml", "Invalid format",
        "from=2026-03-02&to=2026-03-01", "Invalid to");
    for (Map.Entry<String, String> hostile : cases.entrySet()) {
      for (String base : List.of(proxy, dashboard)) {
        HttpResponse<String> response = api.get(base + "/api/audit?" + hostile.getKey(), KEY);

        assertThat(response.statusCode()).as(hostile.getKey()).isEqualTo(400);
        assertThat(McpClient.json(response.body()).asJsonObject().getString("error"))
            .as(hostile.getKey()).startsWith(hostile.getValue()).contains("expected");
      }
    }
  }

  @Test
  void eventsCarryNoSecrets() throws Exception {
    HttpResponse<String> response = api.get(proxy + "/api/audit?limit=500", KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(NexusServer.DASHBOARD_KEY)
        .doesNotContain(server.clientKey)
        .doesNotContain("not-the-key");
  }
}
