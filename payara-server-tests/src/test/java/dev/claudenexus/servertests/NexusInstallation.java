package dev.claudenexus.servertests;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The operator's side of the test: a {@code NEXUS_HOME} with a {@code .env} file and a credential
 * file, and {@code bin/nexus server-commands} run in it as the deployment guide describes.
 */
final class NexusInstallation {

  static final String DASHBOARD_KEY = "payara-server-dashboard-key";
  static final String UPSTREAM_API_KEY = "sk-ant-api03-payara-server-upstream-key";
  static final String MODEL = "claude-sonnet-4-5";

  /** Loading both wars took up to 60 s on a 2-core machine shared with other builds. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private final Path root;
  private final Path home;
  private final DomainPorts ports;
  private final Map<String, String> environment;
  private final String clientKey;

  private NexusInstallation(Path root, Path home, DomainPorts ports, Map<String, String> environment,
      String clientKey) {
    this.root = root;
    this.home = home;
    this.ports = ports;
    this.environment = environment;
    this.clientKey = clientKey;
  }

  /**
   * Writes the home: a {@code .env} file with the secrets and a relative {@code CREDENTIALS_DIR},
   * which the generated commands must turn into an absolute path, and the credentials of the
   * proxy's domain.
   */
  static NexusInstallation write(Path root, Path home, DomainPorts ports, FakeAnthropicApi fake,
      TestDatabase database) throws IOException {
    Files.createDirectories(home.resolve("credentials"));
    String clientKey = "cnp_live_" + UUID.randomUUID().toString().replace("-", "");
    String credential = "{\"type\":\"api_key\",\"accountId\":\"acc_payara_server\",\"api_key\":\""
        + UPSTREAM_API_KEY + "\",\"client_api_key\":\"" + clientKey + "\"}";
    Files.writeString(home.resolve("credentials/127.0.0.1:" + ports.proxy() + ".credentials.json"),
        credential, StandardCharsets.UTF_8);
    Files.writeString(home.resolve(".env"), String.join("\n",
        "CLAUDE_API_BASE_URL=" + fake.baseUrl(),
        "CLAUDE_API_TIMEOUT=10000",
        "DASHBOARD_API_KEY=" + DASHBOARD_KEY,
        "CREDENTIALS_DIR=credentials",
        ""), StandardCharsets.UTF_8);

    Map<String, String> environment = new HashMap<>();
    environment.put("NEXUS_HOME", home.toString());
    environment.put("HOST", "127.0.0.1");
    environment.put("PROXY_PORT", Integer.toString(ports.proxy()));
    environment.put("DASHBOARD_PORT", Integer.toString(ports.dashboard()));
    environment.putAll(database.settings());
    return new NexusInstallation(root, home, ports, environment, clientKey);
  }

  /** Runs {@code bin/nexus server-commands --output FILE} in the home and returns the file. */
  Path writeServerCommands() throws IOException, InterruptedException {
    Path file = home.resolve("server-commands.asadmin");
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/nexus").toString(),
        "server-commands", "--output", file.toString()));
    Path output = home.resolve("nexus-server-commands.out");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/nexus server-commands did not finish within 5 minutes");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("bin/nexus server-commands failed: " + Files.readString(output));
    }
    return file;
  }

  /**
   * Waits until the proxy's health endpoint reports every check up and its database connected.
   * Payara Server serves one health endpoint for the whole domain, so this includes the dashboard.
   */
  void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(proxyUrl() + "/health"))
        .timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      try {
        body = client.send(health, HttpResponse.BodyHandlers.ofString()).body();
        if (body.startsWith("{\"status\":\"UP\"") && body.contains("\"database\":\"connected\"")) {
          return;
        }
      } catch (IOException e) {
        body = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The domain's health checks were not all up within "
        + READY_TIMEOUT.toSeconds() + " s: " + body);
  }

  HttpRequest messagesRequest(String text) {
    String body = "{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"stream\":false,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    return HttpRequest.newBuilder(URI.create(proxyUrl() + "/v1/messages"))
        .timeout(Duration.ofSeconds(60))
        .header("x-api-key", clientKey)
        .header("anthropic-version", "2023-06-01")
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  String proxyUrl() {
    return "http://127.0.0.1:" + ports.proxy();
  }

  String dashboardUrl() {
    return "http://127.0.0.1:" + ports.dashboard();
  }
}
