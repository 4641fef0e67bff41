package dev.claudenexus.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Proxy, dashboard and fake API started by {@code bin/nexus demo} in a home and on ports of their
 * own, in read-only mode, with the demo's recorded sessions stored. The browser tests share one
 * instance per run, which is stopped after the last test; {@link DemoIT} starts its own to test the
 * command.
 */
final class DemoServices implements ExtensionContext.Store.CloseableResource {

  private static final Logger LOG = Logger.getLogger(DemoServices.class.getName());

  /** The result of one {@code bin/nexus} command. */
  record Result(int exitCode, String output) {}

  final Path home;
  final int dashboardPort;
  final String demoOutput;
  private final Path root;
  private final Map<String, String> environment;

  private DemoServices(Path root, Path home, int dashboardPort, Map<String, String> environment,
      String demoOutput) {
    this.root = root;
    this.home = home;
    this.dashboardPort = dashboardPort;
    this.environment = environment;
    this.demoOutput = demoOutput;
  }

  /**
   * Runs {@code bin/nexus demo} in {@code system-tests/target/<homeName>}, emptied first.
   *
   * @throws IllegalStateException when the command fails; the services it started are stopped
   */
  static DemoServices start(String homeName) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("nexus.root", "..")).toAbsolutePath().normalize();
    Path home = root.resolve("system-tests/target").resolve(homeName);
    NexusServer.deleteRecursively(home);
    Files.createDirectories(home);
    int dashboardPort = NexusServer.freePort();
    Map<String, String> environment = new HashMap<>();
    environment.put("NEXUS_HOME", home.toString());
    environment.put("PROXY_PORT", Integer.toString(NexusServer.freePort()));
    environment.put("DASHBOARD_PORT", Integer.toString(dashboardPort));
    environment.put("NEXUS_JAVA_OPTS", "-Xmx512m -Xss512k -XX:TieredStopAtLevel=1");
    // The demo process and the tests open the demo's H2 file; its automatic server stays on loopback.
    System.setProperty("h2.bindAddress", "127.0.0.1");

    Result demo = run(root, home, environment, "demo");
    LOG.info(demo.output());
    DemoServices services = new DemoServices(root, home, dashboardPort, environment, demo.output());
    if (demo.exitCode() != 0) {
      services.run("stop");
      throw new IllegalStateException("bin/nexus demo failed:\n" + demo.output());
    }
    return services;
  }

  String dashboardUrl() {
    return "http://127.0.0.1:" + dashboardPort;
  }

  /** Returns the JDBC URL of the demo's own H2 database. */
  String jdbcUrl() {
    return "jdbc:h2:file:" + home.resolve("demo/data/nexus") + ";AUTO_SERVER=TRUE";
  }

  /** Runs {@code bin/nexus} from the demo's home with its settings and returns the exit code and output. */
  Result run(String... arguments) throws IOException, InterruptedException {
    return run(root, home, environment, arguments);
  }

  @Override
  public void close() throws Exception {
    run("stop");
  }

  private static Result run(Path root, Path home, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/nexus").toString());
    command.addAll(List.of(arguments));
    Path output = home.resolve("nexus-" + String.join("-", arguments) + ".out");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/nexus " + String.join(" ", arguments) + " did not finish in 6 minutes");
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
