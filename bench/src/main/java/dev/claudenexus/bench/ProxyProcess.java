package dev.claudenexus.bench;

import dev.claudenexus.testsupport.net.LoopbackPorts;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One proxy on Payara Micro, started with {@code bin/nexus start} from its own NEXUS_HOME and stopped
 * with {@code bin/nexus stop}, which ends only the PID that this start wrote to
 * {@code NEXUS_HOME/run/proxy.pid}.
 */
final class ProxyProcess implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ProxyProcess.class.getName());

  /**
   * Settings the proxy reads from the environment. They are removed from the inherited environment
   * first, so only the values this class sets reach the proxy.
   */
  private static final List<String> PROXY_VARIABLES = List.of(
      "DATABASE_URL", "DATABASE_JDBC_URL", "DATABASE_USER", "DATABASE_PASSWORD", "STORAGE_ENABLED",
      "STORE_STREAMING_CHUNKS", "NEXUS_JAVA_OPTS", "PORT", "PROXY_PORT", "HOST", "CLAUDE_API_BASE_URL",
      "CREDENTIALS_DIR", "ENABLE_CLIENT_AUTH", "STREAM_IDLE_TIMEOUT_MS", "CLAUDE_API_TIMEOUT",
      "PROXY_MAX_THREADS", "STORAGE_QUEUE_CAPACITY", "STORAGE_BATCH_SIZE");
  /** A number field of the health JSON, quoted or not, because MicroProfile Health sends data values as strings. */
  private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\":\"?(\\d+)\"?");

  private final Path root;
  private final Path home;
  private final int port;
  private final String clientKey;
  private final Map<String, String> settings;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicLong requestsSent = new AtomicLong();
  private long pid;
  private boolean stopped;

  private ProxyProcess(Path root, Path home, int port, String clientKey, Map<String, String> settings) {
    this.root = root;
    this.home = home;
    this.port = port;
    this.clientKey = clientKey;
    this.settings = settings;
  }

  /**
   * Starts a proxy in front of {@code upstreamBaseUrl} from an emptied {@code home}.
   *
   * @param settings extra environment variables, for example {@code DATABASE_URL} or {@code STORAGE_ENABLED}
   */
  static ProxyProcess start(Path root, Path home, String upstreamBaseUrl, Map<String, String> settings)
      throws IOException, InterruptedException {
    stopLeftover(root, home);
    deleteRecursively(home);
    Files.createDirectories(home.resolve("credentials"));
    int port = LoopbackPorts.free();
    String clientKey = "cnp_live_" + UUID.randomUUID().toString().replace("-", "");
    String credentials = "{\"type\":\"api_key\",\"accountId\":\"acc_bench\",\"api_key\":\"sk-ant-bench\","
        + "\"client_api_key\":\"" + clientKey + "\"}";
    Files.writeString(home.resolve("credentials").resolve("127.0.0.1:" + port + ".credentials.json"),
        credentials, StandardCharsets.UTF_8);

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("NEXUS_HOME", home.toString());
    environment.put("PROXY_PORT", Integer.toString(port));
    environment.put("HOST", "127.0.0.1");
    environment.put("CLAUDE_API_BASE_URL", upstreamBaseUrl);
    environment.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    environment.putAll(settings);

    ProxyProcess proxy = new ProxyProcess(root, home, port, clientKey, Map.copyOf(environment));
    proxy.runNexus("start", environment);
    proxy.pid = Long.parseLong(Files.readString(home.resolve("run/proxy.pid")).strip());
    LOG.info(() -> "Proxy started with pid " + proxy.pid + " on port " + port + " with " + settings);
    return proxy;
  }

  Endpoint endpoint() {
    return new Endpoint("proxy", "http://127.0.0.1:" + port, clientKey);
  }

  long pid() {
    return pid;
  }

  Path home() {
    return home;
  }

  /** Returns the environment the proxy was started with, for the report. */
  Map<String, String> settings() {
    return settings;
  }

  /** Adds requests sent to this proxy, so storage checks know how many rows to expect. */
  void countRequests(long requests) {
    requestsSent.addAndGet(requests);
  }

  long requestsSent() {
    return requestsSent.get();
  }

  /** Reads a field of {@code /proc/PID/status} in kB, for example {@code VmRSS} or {@code VmHWM}. */
  long procStatusKib(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
      }
    }
    throw new IOException("/proc/" + pid + "/status has no " + field + " line");
  }

  /** Returns the number fields of {@code /health}, such as {@code queuedRecords} and {@code journalBytes}. */
  Map<String, Long> healthNumbers() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint().baseUrl() + "/health"))
        .timeout(Duration.ofSeconds(10)).build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Long> numbers = new LinkedHashMap<>();
    Matcher matcher = NUMBER_FIELD.matcher(body);
    while (matcher.find()) {
      numbers.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return numbers;
  }

  /** Returns the CPU time the proxy process has used so far, in milliseconds. */
  long cpuMillis() throws IOException {
    return ProcStat.cpuMillis(pid);
  }

  /**
   * Reads the Java heap and metaspace from {@code jcmd PID GC.heap_info}, or returns null, with a
   * warning in the log, when jcmd fails or prints a format this benchmark does not know.
   */
  HeapInfo heapInfo() throws InterruptedException {
    try {
      return HeapInfo.parse(jcmd("GC.heap_info"));
    } catch (IOException e) {
      LOG.warning(() -> "Could not read the heap of the proxy (pid " + pid + "): " + e.getMessage());
      return null;
    }
  }

  /**
   * Returns how many methods the proxy's JIT compilers have compiled so far ({@code sun.ci.totalCompiles}
   * of {@code jcmd PID PerfCounter.print}).
   *
   * @throws IOException when jcmd fails or prints no such counter
   */
  long jitCompiles() throws IOException, InterruptedException {
    for (String line : jcmd("PerfCounter.print").split("\n")) {
      if (line.startsWith("sun.ci.totalCompiles=")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
      }
    }
    throw new IOException("jcmd " + pid + " PerfCounter.print shows no sun.ci.totalCompiles");
  }

  /**
   * Runs {@code jcmd PID COMMAND...} and returns its output.
   *
   * @throws IOException when jcmd fails or does not finish within 60 s
   */
  String jcmd(String... command) throws IOException, InterruptedException {
    // bin/nexus starts the proxy on the Java runtime that runs this benchmark, so its jcmd fits.
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    List<String> line = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", line) + " failed: " + output);
    }
    return output;
  }

  /** Stops the proxy with {@code bin/nexus stop}. A second call does nothing. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    runNexus("stop", settings);
  }

  private void runNexus(String command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path output = home.resolve("nexus-" + command + ".out");
    List<String> line = new ArrayList<>(List.of(root.resolve("bin/nexus").toString(), command));
    ProcessBuilder builder = new ProcessBuilder(line)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    PROXY_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/nexus " + command + " did not finish within 6 minutes. See " + output);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("bin/nexus " + command + " failed with exit code "
          + process.exitValue() + ":\n" + Files.readString(output));
    }
  }

  /** Stops a proxy that an interrupted earlier run left running from this home, by its recorded PID. */
  private static void stopLeftover(Path root, Path home) throws IOException, InterruptedException {
    if (!Files.exists(home.resolve("run/proxy.pid"))) {
      return;
    }
    LOG.warning(() -> "Stopping the proxy that an earlier run left in " + home);
    new ProxyProcess(root, home, 0, "", Map.of("NEXUS_HOME", home.toString())).runNexus("stop",
        Map.of("NEXUS_HOME", home.toString()));
  }


  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
