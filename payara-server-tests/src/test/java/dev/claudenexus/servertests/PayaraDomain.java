package dev.claudenexus.servertests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A Payara Server domain in a folder of the build, driven with {@code asadmin}: created with free
 * ports, bound to loopback before its first start, started, given commands and stopped. Every
 * asadmin call has a time limit, and {@link #close} ends the domain's process by its id when
 * {@code stop-domain} fails.
 */
final class PayaraDomain implements AutoCloseable {

  static final String NAME = "nexus";

  private static final Logger LOG = Logger.getLogger(PayaraDomain.class.getName());
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern FAILED_COMMAND = Pattern.compile("(?m)^Command \\S+ failed\\.$");

  private final Path installation;
  private final Path domainsDirectory;
  private final DomainPorts ports;
  private final Path logDirectory;
  private Long pid;

  private PayaraDomain(Path installation, Path domainsDirectory, DomainPorts ports) {
    this.installation = installation;
    this.domainsDirectory = domainsDirectory;
    this.ports = ports;
    this.logDirectory = domainsDirectory.resolve("asadmin-output");
  }

  /** Creates the domain and binds its listeners to loopback; it is not started yet. */
  static PayaraDomain create(Path installation, Path domainsDirectory, DomainPorts ports)
      throws Exception {
    PayaraDomain domain = new PayaraDomain(installation, domainsDirectory, ports);
    Files.createDirectories(domain.logDirectory);
    domain.asadmin(List.of("create-domain", "--nopassword=true", "--checkports=true",
        "--domaindir", domainsDirectory.toString(),
        "--adminport", Integer.toString(ports.admin()),
        "--instanceport", Integer.toString(ports.http()),
        "--domainproperties", ports.domainProperties(),
        NAME));
    LoopbackDomainConfig.apply(domain.configDirectory().resolve("domain.xml"), ports);
    return domain;
  }

  Path directory() {
    return domainsDirectory.resolve(NAME);
  }

  Path configDirectory() {
    return directory().resolve("config");
  }

  /** Copies a JDBC driver into the domain's {@code lib} folder, which the next start loads. */
  void addLibrary(Path jar) throws IOException {
    Path lib = Files.createDirectories(directory().resolve("lib"));
    Files.copy(jar, lib.resolve(jar.getFileName()));
  }

  void start() throws IOException, InterruptedException {
    asadmin(List.of("start-domain", "--domaindir", domainsDirectory.toString(), NAME));
    pid = Long.parseLong(Files.readString(configDirectory().resolve("pid")).strip());
    LOG.info(() -> "Payara Server domain " + NAME + " started with pid " + pid);
  }

  /** Returns the id of the domain's Java process once it started. */
  Optional<Long> pid() {
    return Optional.ofNullable(pid);
  }

  /**
   * Runs the commands of a file in one asadmin session against the running domain. asadmin
   * 6.2025.10 exits with 0 even when a command of the file failed, so its output is checked too.
   */
  String multimode(Path commandFile) throws IOException, InterruptedException {
    String output = asadmin(List.of("--host", "127.0.0.1", "--port", Integer.toString(ports.admin()),
        "multimode", "--file", commandFile.toString()));
    if (FAILED_COMMAND.matcher(output).find()) {
      throw new IllegalStateException("A command of " + commandFile + " failed:\n" + output);
    }
    return output;
  }

  /** Runs one remote command against the running domain and returns its output. */
  String remote(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1",
        "--port", Integer.toString(ports.admin())));
    arguments.addAll(List.of(command));
    return asadmin(arguments);
  }

  Path serverLog() {
    return directory().resolve("logs/server.log");
  }

  /** Stops the domain with {@code stop-domain}, and by its process id when that fails. */
  @Override
  public void close() throws Exception {
    Path pidFile = configDirectory().resolve("pid");
    if (pid == null && Files.exists(pidFile)) {
      // A start that timed out can leave a running domain behind.
      pid = Long.parseLong(Files.readString(pidFile).strip());
    }
    if (pid == null) {
      return;
    }
    try {
      asadmin(List.of("stop-domain", "--domaindir", domainsDirectory.toString(), NAME));
    } catch (Exception e) {
      LOG.warning("stop-domain failed, ending pid " + pid + ": " + e.getMessage());
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isPresent()) {
      ProcessHandle handle = process.get();
      handle.destroy();
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        handle.destroyForcibly();
      }
    }
    pid = null;
  }

  private String asadmin(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(installation.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(arguments);
    String name = arguments.stream().filter(a -> !a.startsWith("-") && !a.matches("[0-9.]+"))
        .findFirst().orElse("asadmin");
    Path output = Files.createTempFile(logDirectory, name + "-", ".out");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + name + " did not finish within "
          + COMMAND_TIMEOUT.toMinutes() + " minutes; its output is in " + output);
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("asadmin " + name + " failed with exit code "
          + process.exitValue() + ":\n" + text);
    }
    return text;
  }
}
