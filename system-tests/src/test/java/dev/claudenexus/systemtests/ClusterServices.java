package dev.claudenexus.systemtests;

import dev.claudenexus.config.DatabaseUrl;
import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.gemini.FakeGeminiApi;
import dev.claudenexus.testsupport.net.TcpFaultProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Two proxy instances on Payara Micro behind an {@link NginxLoadBalancer}, sharing one fresh
 * PostgreSQL database whose name starts with {@code cluster_}. Each instance has its own home
 * (journal, logs, credentials) and reaches the database through its own {@link TcpFaultProxy}, so a
 * test can take the database away from one instance only. Both run the analysis worker against one
 * {@link FakeGeminiApi}, forward to one {@link FakeAnthropicApi} and refresh OAuth tokens at one
 * {@link FakeTokenEndpoint}. The instances are started together on the empty database, as a
 * deployment that starts all its instances at once does.
 */
final class ClusterServices implements AutoCloseable {

  /** Base64 of 32 bytes, the AES key of the OAuth tokens that the instances share in the database. */
  static final String OAUTH_TOKEN_KEY = "Y2x1c3Rlci1vYXV0aC10b2tlbi1rZXktMzItYnl0ZXM=";
  static final String GEMINI_API_KEY = "AIzaClusterKey_for-the-fake-gemini";
  static final String DASHBOARD_KEY = "cluster-dashboard-key";
  static final String UPSTREAM_API_KEY = "sk-ant-api03-cluster-upstream-key";

  private static final Logger LOG = Logger.getLogger(ClusterServices.class.getName());
  private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(90);

  /** One proxy instance: its name, home, port and the fault proxy between it and the database. */
  record Instance(String name, Path home, int port, TcpFaultProxy databaseLink, Map<String, String> env) {

    String baseUrl() {
      return "http://127.0.0.1:" + port;
    }

    /** Returns the {@code Host} value of requests sent to this instance directly. */
    String domain() {
      return "127.0.0.1:" + port;
    }

    /** Returns the address that nginx reports in {@link NginxLoadBalancer#UPSTREAM_HEADER}. */
    String upstreamAddress() {
      return "127.0.0.1:" + port;
    }
  }

  final FakeAnthropicApi fake;
  final FakeGeminiApi gemini;
  final FakeTokenEndpoint tokenEndpoint;
  final NexusServer.Database database;
  final String clientKey;
  final List<Instance> instances = new ArrayList<>();
  NginxLoadBalancer balancer;
  private final Path root;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  private ClusterServices(Path root, NexusServer.Database database) throws IOException {
    this.root = root;
    this.database = database;
    resources.push(database);
    try {
      this.fake = push(FakeAnthropicApi.start());
      this.gemini = push(FakeGeminiApi.start(GEMINI_API_KEY));
      this.tokenEndpoint = push(FakeTokenEndpoint.start());
    } catch (IOException | RuntimeException e) {
      closeResources(e);
      throw e;
    }
    this.clientKey = "cnp_live_" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Creates the database and starts the fakes, {@code count} instances at the same moment and
   * nginx in front of them. On a failure everything started so far is stopped again.
   */
  static ClusterServices start(int count) throws Exception {
    Path root = Path.of(System.getProperty("nexus.root", "..")).toAbsolutePath().normalize();
    ClusterServices cluster = new ClusterServices(root, NexusServer.Database.freshPostgres("cluster_"));
    try {
      int balancerPort = NexusServer.freePort();
      for (int i = 1; i <= count; i++) {
        cluster.instances.add(cluster.prepare("instance-" + i));
      }
      List<String> domains = new ArrayList<>(List.of("127.0.0.1:" + balancerPort));
      cluster.instances.forEach(instance -> domains.add(instance.domain()));
      for (Instance instance : cluster.instances) {
        for (String domain : domains) {
          cluster.writeApiKeyCredential(instance, domain);
        }
      }
      cluster.startTogether();
      cluster.balancer = NginxLoadBalancer.start(root.resolve("system-tests/target/cluster-nginx"),
          balancerPort, cluster.instances.stream().map(Instance::port).toList());
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T push(T resource) {
    resources.push(resource);
    return resource;
  }

  private Instance prepare(String name) throws IOException {
    Path home = root.resolve("system-tests/target/cluster-" + name);
    NexusServer.deleteRecursively(home);
    Files.createDirectories(home.resolve("credentials"));
    int port = NexusServer.freePort();
    String server = System.getenv("NEXUS_TEST_DATABASE_URL");
    TcpFaultProxy databaseLink = push(TcpFaultProxy.start(DatabaseUrl.parse(server).port()));
    Map<String, String> env = new HashMap<>();
    env.put("NEXUS_HOME", home.toString());
    env.put("PROXY_PORT", Integer.toString(port));
    env.put("DASHBOARD_PORT", Integer.toString(NexusServer.freePort()));
    env.put("HOST", "127.0.0.1");
    env.put("DATABASE_URL", database.postgresUrlThrough(databaseLink));
    env.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    env.put("CLAUDE_API_BASE_URL", fake.baseUrl());
    env.put("CLAUDE_API_TIMEOUT", "10000");
    env.put("UPSTREAM_RETRY_BASE_DELAY_MS", "50");
    env.put("LINK_PARENT_WAIT_MS", "2000");
    env.put("DASHBOARD_API_KEY", DASHBOARD_KEY);
    env.put("CLAUDE_OAUTH_TOKEN_URL", tokenEndpoint.url());
    env.put("OAUTH_TOKEN_ENCRYPTION_KEY", OAUTH_TOKEN_KEY);
    env.put("AI_WORKER_ENABLED", "true");
    env.put("AI_WORKER_POLL_INTERVAL_MS", "250");
    env.put("GEMINI_API_KEY", GEMINI_API_KEY);
    env.put("GEMINI_API_URL", gemini.baseUrl());
    env.put("GEMINI_MODEL_NAME", "gemini-test");
    env.put("NEXUS_JAVA_OPTS", "-Xmx384m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    return new Instance(name, home, port, databaseLink, env);
  }

  private void writeApiKeyCredential(Instance instance, String domain) throws IOException {
    String json = "{\"type\":\"api_key\",\"accountId\":\"acc_cluster\",\"api_key\":\"" + UPSTREAM_API_KEY
        + "\",\"client_api_key\":\"" + clientKey + "\"}";
    Files.writeString(credentialFile(instance, domain), json, StandardCharsets.UTF_8);
  }

  /** Returns the path of a domain's credential file in an instance's credentials directory. */
  Path credentialFile(Instance instance, String domain) {
    return instance.home().resolve("credentials").resolve(domain + ".credentials.json");
  }

  /** Runs {@code bin/nexus start proxy} for every instance at once and waits for their databases. */
  private void startTogether() throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(instances.size());
    try {
      List<Future<?>> started = new ArrayList<>();
      for (Instance instance : instances) {
        started.add(starters.submit(() -> {
          start(instance);
          return null;
        }));
      }
      for (Future<?> future : started) {
        future.get(7, TimeUnit.MINUTES);
      }
    } finally {
      starters.shutdownNow();
    }
  }

  /** Starts one instance and waits until it reports its database connected. */
  void start(Instance instance) throws IOException, InterruptedException {
    run(instance, "start", "proxy");
    awaitDatabase(instance);
  }

  /** Stops one instance with {@code bin/nexus stop proxy}. */
  void stop(Instance instance) throws IOException, InterruptedException {
    run(instance, "stop", "proxy");
  }

  /** Returns the text of an instance's proxy log. */
  String log(Instance instance) throws IOException {
    return Files.readString(instance.home().resolve("logs/proxy.log"));
  }

  /** Waits until the instance's {@code /health} reports the database connected. */
  void awaitDatabase(Instance instance) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + DATABASE_TIMEOUT.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"database\":\"connected\"")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(instance.name() + " did not connect to its database within "
        + DATABASE_TIMEOUT.toSeconds() + " s; last /health: " + body);
  }

  private void run(Instance instance, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/nexus").toString());
    command.addAll(List.of(arguments));
    Path output = instance.home().resolve("nexus-" + String.join("-", arguments) + ".out");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(instance.home().toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(instance.env());
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/nexus " + String.join(" ", arguments) + " of "
          + instance.name() + " did not finish in 6 minutes");
    }
    String text = Files.readString(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("bin/nexus " + String.join(" ", arguments) + " of "
          + instance.name() + " failed:\n" + text);
    }
    LOG.info(text);
  }

  /** Stops nginx and the instances, then the fakes and fault proxies, and drops the database. */
  @Override
  public void close() throws Exception {
    Exception failure = null;
    try {
      if (balancer != null) {
        balancer.close();
      }
    } catch (InterruptedException e) {
      failure = e;
    }
    for (Instance instance : instances) {
      try {
        stop(instance);
      } catch (Exception e) {
        failure = addTo(failure, e);
      }
    }
    failure = closeResources(failure);
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the fakes, fault proxies and database, newest first; returns the failures added to {@code failure}. */
  private Exception closeResources(Exception failure) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        failure = addTo(failure, e);
      }
    }
    return failure;
  }

  private static Exception addTo(Exception failure, Exception next) {
    if (failure == null) {
      return next;
    }
    failure.addSuppressed(next);
    return failure;
  }
}
