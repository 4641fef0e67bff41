package dev.claudenexus.bench;

import dev.claudenexus.testsupport.net.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One service of this build, {@code proxy} or {@code dashboard}, started with
 * {@code bin/nexus start SERVICE} from its own NEXUS_HOME on a free loopback port, and stopped with
 * {@code bin/nexus stop SERVICE}, which ends only the PID that the start wrote to
 * {@code NEXUS_HOME/run/SERVICE.pid}.
 */
final class NexusService implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(NexusService.class.getName());

  /**
   * Prefixes and names of the settings the services read from the environment. They are removed from
   * the inherited environment, so only the values this class sets reach the service.
   */
  private static final List<String> SETTING_PREFIXES = List.of("DATABASE_", "DASHBOARD_", "PROXY_",
      "STORAGE_", "CLAUDE_API_");
  private static final Set<String> SETTING_NAMES = Set.of("NEXUS_JAVA_OPTS", "INTERNAL_API_KEY",
      "CREDENTIALS_DIR", "PORT", "HOST", "ENABLE_CLIENT_AUTH");

  private final Path root;
  private final Path home;
  private final String service;
  private final int port;
  private final Map<String, String> environment;
  private final long pid;
  private boolean stopped;

  private NexusService(Path root, Path home, String service, int port,
      Map<String, String> environment, long pid) {
    this.root = root;
    this.home = home;
    this.service = service;
    this.port = port;
    this.environment = environment;
    this.pid = pid;
  }

  /**
   * Starts {@code service} from {@code home} with {@code settings} on top of NEXUS_HOME, HOST and the
   * port, and waits until it responds to HTTP.
   *
   * @throws IllegalStateException when {@code bin/nexus start} fails or does not finish in 6 minutes
   */
  static NexusService start(Path root, Path home, String service, Map<String, String> settings)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    stopLeftover(root, home, service);
    int port = LoopbackPorts.free();
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("NEXUS_HOME", home.toString());
    environment.put("HOST", "127.0.0.1");
    environment.put(service.equals("dashboard") ? "DASHBOARD_PORT" : "PROXY_PORT",
        Integer.toString(port));
    environment.putAll(settings);
    runNexus(root, home, List.of("start", service), environment);
    long pid = Long.parseLong(Files.readString(home.resolve("run/" + service + ".pid")).strip());
    LOG.info(() -> "Started the " + service + " with pid " + pid + " on 127.0.0.1:" + port);
    return new NexusService(root, home, service, port, Map.copyOf(environment), pid);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return pid;
  }

  /** Stops the service with {@code bin/nexus stop SERVICE}. A second call does nothing. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    runNexus(root, home, List.of("stop", service), environment);
    LOG.info(() -> "Stopped the " + service + " (pid " + pid + ")");
  }

  /** Stops the service that an interrupted earlier run left running from this home, by its recorded PID. */
  private static void stopLeftover(Path root, Path home, String service)
      throws IOException, InterruptedException {
    if (Files.exists(home.resolve("run/" + service + ".pid"))) {
      LOG.warning(() -> "Stopping the " + service + " that an earlier run left in " + home);
      runNexus(root, home, List.of("stop", service), Map.of("NEXUS_HOME", home.toString()));
    }
  }

  private static void runNexus(Path root, Path home, List<String> arguments,
      Map<String, String> environment) throws IOException, InterruptedException {
    Path output = home.resolve("nexus-" + String.join("-", arguments) + ".out");
    List<String> line = new ArrayList<>();
    line.add(root.resolve("bin/nexus").toString());
    line.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(line)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(
        name -> SETTING_NAMES.contains(name) || SETTING_PREFIXES.stream().anyMatch(name::startsWith));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "bin/nexus " + String.join(" ", arguments) + " did not finish within 6 minutes. See " + output);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("bin/nexus " + String.join(" ", arguments)
          + " failed with exit code " + process.exitValue() + ":\n" + Files.readString(output));
    }
  }

}
