package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GitHub sync of the prompt library against a loopback fake of the GitHub API, through
 * {@code /api/mcp/*} on both ports: new, changed and removed files, a local-only prompt that
 * survives, a file name with a path that is never written, an API error that changes nothing, and a
 * sync of the proxy that makes the dashboard's sync wait (409) through the shared lease.
 */
@ExtendWith(NexusServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpSyncIT {

  private final NexusServer server;
  private final ApiClient http = new ApiClient();

  McpSyncIT(NexusServer server) {
    this.server = server;
  }

  private HttpResponse<String> api(String method, String url) throws Exception {
    return http.send(method, url, null, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
  }

  /** Syncs now, waiting while the sync that the proxy starts with holds the lease. */
  private HttpResponse<String> syncNow() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> response = api("POST", server.baseUrl() + "/api/mcp/sync");
    while (response.statusCode() == 409 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = api("POST", server.baseUrl() + "/api/mcp/sync");
    }
    return response;
  }

  private List<String> promptNames(String baseUrl) throws Exception {
    HttpResponse<String> response = api("GET", baseUrl + "/api/mcp/prompts");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return McpClient.json(response.body()).asJsonObject().getJsonArray("prompts")
        .getValuesAs(JsonObject.class).stream().map(p -> p.getString("promptId")).toList();
  }

  private Path folder() {
    return server.promptsDirectory();
  }

  @Test
  @Order(1)
  void syncWritesNewFiles() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("code-review.yaml", "description: Reviews a change\ntemplate: Review {{language}} code\n");
    files.put("old-prompt.yml", "template: Soon removed\n");
    files.put("README.md", "not a prompt");
    server.github.commitFiles(files);

    HttpResponse<String> response = syncNow();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = McpClient.json(response.body()).asJsonObject();
    assertThat(body.getString("message")).isEqualTo("Sync triggered successfully");
    assertThat(body.getString("last_commit_sha")).isEqualTo(server.github.commit());
    assertThat(promptNames(server.baseUrl())).contains("code-review", "old-prompt", NexusServer.LOCAL_PROMPT);
    assertThat(folder().resolve("README.md")).doesNotExist();
  }

  @Test
  @Order(2)
  void syncAppliesChangesAndRemovals() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("code-review.yaml", "description: Reviews a change carefully\ntemplate: Review {{lang}}\n");
    files.put("new-prompt.yaml", "template: Brand new\n");
    server.github.commitFiles(files);
    server.github.addListingEntry("../escaped.yaml", "file");

    HttpResponse<String> response = syncNow();

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(promptNames(server.baseUrl())).contains("code-review", "new-prompt", NexusServer.LOCAL_PROMPT)
        .doesNotContain("old-prompt");
    assertThat(Files.readString(folder().resolve("code-review.yaml"))).contains("carefully");
    assertThat(folder().getParent().resolve("escaped.yaml")).doesNotExist();
    assertThat(server.github.received()).noneMatch(request -> request.rawPath().contains("escaped"));
    assertThat(McpClient.json(response.body()).asJsonObject().getJsonArray("skipped").toString())
        .contains("escaped.yaml");
  }

  @Test
  @Order(3)
  void statusIsSharedByBothPorts() throws Exception {
    for (String base : new String[] {server.baseUrl(), server.dashboardUrl()}) {
      HttpResponse<String> response = api("GET", base + "/api/mcp/sync/status");

      JsonObject status = McpClient.json(response.body()).asJsonObject();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(status.getString("repository"))
          .isEqualTo(NexusServer.GITHUB_OWNER + "/" + NexusServer.GITHUB_REPO);
      assertThat(status.getString("branch")).isEqualTo("main");
      assertThat(status.getString("sync_status")).isEqualTo("success");
      assertThat(status.getString("last_commit_sha")).isEqualTo(server.github.commit());
      assertThat(status.isNull("last_error")).isTrue();
    }
  }

  @Test
  @Order(4)
  void apiErrorIsReportedAndChangesNothing() throws Exception {
    String before = Files.readString(folder().resolve("code-review.yaml"));
    server.github.commitFiles(Map.of("code-review.yaml", "template: must not arrive\n"));
    server.github.failWith(500);

    HttpResponse<String> response = syncNow();

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(McpClient.json(response.body()).asJsonObject().getString("error"))
        .startsWith("GitHub sync failed").contains("500").doesNotContain(NexusServer.GITHUB_TOKEN);
    assertThat(Files.readString(folder().resolve("code-review.yaml"))).isEqualTo(before);
    JsonObject status = McpClient.json(api("GET", server.dashboardUrl() + "/api/mcp/sync/status").body())
        .asJsonObject();
    assertThat(status.getString("sync_status")).isEqualTo("error");
    assertThat(status.getString("last_error")).contains("500");
    server.github.failWith(0);
  }

  @Test
  @Order(5)
  void promptEndpointsAnswerBothPorts() throws Exception {
    for (String base : new String[] {server.baseUrl(), server.dashboardUrl()}) {
      JsonObject prompt = McpClient.json(api("GET", base + "/api/mcp/prompts/" + NexusServer.LOCAL_PROMPT)
          .body()).asJsonObject().getJsonObject("prompt");
      HttpResponse<String> missing = api("GET", base + "/api/mcp/prompts/nope");
      HttpResponse<String> search = api("GET", base + "/api/mcp/prompts?search=KEPT%20ONLY");
      HttpResponse<String> longSearch = api("GET", base + "/api/mcp/prompts?search=" + "x".repeat(300));

      assertThat(prompt.getString("template")).contains("Summarise {{topic}}");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(McpClient.json(missing.body()).asJsonObject().getString("error")).isEqualTo("Prompt not found");
      assertThat(McpClient.json(search.body()).asJsonObject().getInt("total")).isEqualTo(1);
      assertThat(longSearch.statusCode()).isEqualTo(400);
    }
  }

  @Test
  @Order(6)
  void oneSyncRunsAcrossProcesses() throws Exception {
    server.github.commitFiles(Map.of("code-review.yaml", "template: Held {{x}}\n"));
    String dashboard = server.dashboardUrl();
    int before = server.github.received().size();
    server.github.hold();
    try {
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> sync(server.baseUrl()));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (server.github.received().size() == before && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      HttpResponse<String> second = api("POST", dashboard + "/api/mcp/sync");
      JsonObject status = McpClient.json(api("GET", dashboard + "/api/mcp/sync/status").body()).asJsonObject();
      server.github.release();

      assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
      assertThat(status.getBoolean("sync_in_progress")).isTrue();
      assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      server.github.release();
    }
  }

  private HttpResponse<String> sync(String base) {
    try {
      return api("POST", base + "/api/mcp/sync");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(7)
  void syncNeedsTheKey() throws Exception {
    HttpResponse<String> response = http.send("POST", server.baseUrl() + "/api/mcp/sync", null);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(8)
  void unconfiguredSyncReportsSo(ReadOnlyServices readOnly) throws Exception {
    HttpResponse<String> status = http.send("GET", readOnly.proxyUrl() + "/api/mcp/sync/status", null);
    HttpResponse<String> sync = http.send("POST", readOnly.proxyUrl() + "/api/mcp/sync", null);

    assertThat(McpClient.json(status.body()).asJsonObject().getString("sync_status"))
        .isEqualTo("not_configured");
    assertThat(sync.statusCode()).isEqualTo(403);
  }
}
