package dev.claudenexus.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The asadmin commands that set up both wars on a running Payara Server domain, for {@code asadmin
 * multimode --file}. They create the same JDBC pool, resource and batch repository as the Micro
 * post-boot file ({@link DatabaseSettings#asadminArguments}), point the domain at the settings, give
 * each war its own virtual server, thread pool and HTTP listener so both keep the root context, and
 * deploy the wars.
 *
 * <p>Secrets stay in the {@code .env} file, which the wars read through the {@code nexus.env.file}
 * system property, so the domain configuration and the admin console show no key. The JDBC pool's
 * password is the exception: Payara keeps it in the pool properties.
 */
final class ServerCommands {

  static final String PROXY = "nexus-proxy";
  static final String DASHBOARD = "nexus-dashboard";

  /** The transport of both listeners, which a new domain already has. */
  static final String TRANSPORT = "tcp";

  /** Settings that name a directory relative to the working directory, as the README documents. */
  static final Map<String, String> RELATIVE_DIRECTORIES = directoryDefaults();

  private static final String CONFIG = "configs.config.server-config";

  /** An IPv4 or IPv6 address or a host name: letters, digits, dots, hyphens and colons. */
  private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

  private final Environment env;
  private final Path home;
  private final Path runtime;
  private final Path workingDirectory;

  ServerCommands(Environment env, Path home, Path runtime, Path workingDirectory) {
    this.env = env;
    this.home = home;
    this.runtime = runtime;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Returns the commands, one per line, after checking every setting that {@code bin/nexus start}
   * checks.
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  List<String> commands() {
    ServiceLaunch.validateProxySettings(env);
    ServiceLaunch.validateDashboardSettings(env);
    int proxyPort = ServiceLaunch.proxyPort(env);
    int dashboardPort = env.integer("DASHBOARD_PORT", 3001, 1, 65535);
    if (proxyPort == dashboardPort) {
      throw new IllegalArgumentException("PROXY_PORT and DASHBOARD_PORT are both " + proxyPort
          + "; give the dashboard another port");
    }
    String host = env.get("HOST", "127.0.0.1");
    if (!HOST_PATTERN.matcher(host).matches()) {
      throw new IllegalArgumentException("HOST=" + host + " is not a valid address; use an IP"
          + " address such as 127.0.0.1, 0.0.0.0 for every interface, or a host name");
    }
    int socketTimeoutMs = ServiceLaunch.socketTimeoutMillis(env);

    List<String> commands = new ArrayList<>();
    commands.add("# Claude Nexus Proxy on Payara Server, written by bin/nexus server-commands. Apply it"
        + " to the running domain with: asadmin multimode --file FILE");
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-system-properties",
        AsadminSyntax.properties(systemProperties()))));
    DatabaseSettings.from(env, home.resolve("data")).asadminArguments().stream()
        .map(AsadminSyntax::multimodeCommand)
        .forEach(commands::add);
    // Grizzly takes a transport's name as its type, so the listeners share the domain's "tcp"
    // transport, and its timeouts apply to the admin listener too.
    String transport = "set " + CONFIG + ".network-config.transports.transport." + TRANSPORT;
    commands.add(transport + ".read-timeout-millis=" + socketTimeoutMs);
    commands.add(transport + ".write-timeout-millis=" + socketTimeoutMs);
    commands.add(transport + ".tcp-no-delay=true");
    commands.addAll(listener(PROXY, host, proxyPort, ServiceLaunch.proxyMaxThreads(env), Map.of()));
    commands.addAll(listener(DASHBOARD, host, dashboardPort, ServiceLaunch.DASHBOARD_MAX_THREADS,
        ServiceLaunch.DASHBOARD_HTTP_ATTRIBUTES));
    commands.add(ServiceLaunch.DISABLE_PAYARA_METRICS);
    commands.add(deploy(PROXY, runtime.resolve("proxy.war")));
    commands.add(deploy(DASHBOARD, runtime.resolve("dashboard.war")));
    return commands;
  }

  /**
   * Returns the system properties of the wars: where the installation and its {@code .env} file are,
   * and each relative directory setting made absolute, because the domain's working directory is its
   * {@code config} folder and not the operator's.
   */
  Map<String, String> systemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("NEXUS_HOME", home.toString());
    properties.put("nexus.env.file", workingDirectory.resolve(".env").toString());
    properties.put("h2.bindAddress", "127.0.0.1");
    RELATIVE_DIRECTORIES.forEach((name, defaultValue) -> properties.put(name,
        workingDirectory.resolve(expandHome(env.get(name, defaultValue))).normalize().toString()));
    return properties;
  }

  /**
   * Returns the commands that give one war its virtual server, thread pool, protocol and listener.
   * The listener is the virtual server's only one and the protocol's default virtual server is this
   * one, so every request on the port reaches this war at the root context.
   */
  private static List<String> listener(String name, String host, int port, int maxThreads,
      Map<String, String> httpAttributes) {
    List<String> commands = new ArrayList<>();
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-virtual-server", "--hosts", "localhost", name)));
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-threadpool",
        "--maxthreadpoolsize", Integer.toString(maxThreads), name)));
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-protocol", name)));
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-http",
        "--default-virtual-server", name, "--request-timeout-seconds", "-1", name)));
    httpAttributes.forEach((attribute, value) -> commands.add(
        "set " + CONFIG + ".network-config.protocols.protocol." + name + ".http." + attribute + "="
            + value));
    commands.add(AsadminSyntax.multimodeCommand(List.of("create-network-listener",
        "--address", host,
        "--listenerport", Integer.toString(port),
        "--protocol", name,
        "--threadpool", name,
        "--transport", TRANSPORT,
        name)));
    commands.add("set " + CONFIG + ".http-service.virtual-server." + name + ".network-listeners="
        + name);
    return commands;
  }

  private static String deploy(String name, Path war) {
    return AsadminSyntax.multimodeCommand(List.of("deploy", "--name", name, "--contextroot", "/",
        "--virtualservers", name, war.toString()));
  }

  private static String expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  private static Map<String, String> directoryDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("CREDENTIALS_DIR", "credentials");
    defaults.put("CLIENT_SETUP_DIR", "client-setup");
    defaults.put("TEST_SAMPLES_DIR", "test-samples");
    defaults.put("MCP_PROMPTS_DIR", "prompts");
    return Collections.unmodifiableMap(defaults);
  }
}
