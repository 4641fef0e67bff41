package dev.claudenexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerCommandsTest {

  private static final Path HOME = Path.of("/srv/nexus");
  private static final Path RUNTIME = Path.of("/opt/nexus/runtime");
  private static final Path WORKING_DIRECTORY = Path.of("/srv/operator");

  private static List<String> commands(Map<String, String> values) {
    return generator(values).commands();
  }

  private static ServerCommands generator(Map<String, String> values) {
    return new ServerCommands(new Environment(values), HOME, RUNTIME, WORKING_DIRECTORY);
  }

  private static String line(List<String> commands, String prefix) {
    return commands.stream().filter(c -> c.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no command starts with " + prefix + " in " + commands));
  }

  @Test
  void listenersDefaultToPorts3000And3001OnLoopback() {
    List<String> commands = commands(Map.of());

    assertThat(commands).contains("create-network-listener --address 127.0.0.1 --listenerport 3000"
        + " --protocol nexus-proxy --threadpool nexus-proxy --transport tcp nexus-proxy");
    assertThat(commands).contains("create-network-listener --address 127.0.0.1 --listenerport 3001"
        + " --protocol nexus-dashboard --threadpool nexus-dashboard --transport tcp"
        + " nexus-dashboard");
  }

  @Test
  void portsAndHostAreConfigurable() {
    List<String> commands = commands(Map.of("PROXY_PORT", "8100", "DASHBOARD_PORT", "8101",
        "HOST", "0.0.0.0"));

    assertThat(line(commands, "create-network-listener")).contains("--address 0.0.0.0")
        .contains("--listenerport 8100");
    assertThat(commands.stream().filter(c -> c.startsWith("create-network-listener")))
        .anySatisfy(c -> assertThat(c).contains("--listenerport 8101").endsWith("nexus-dashboard"));
  }

  @Test
  void eachWarDeploysAtRootOfOwnVirtualServer() {
    List<String> commands = commands(Map.of());

    assertThat(commands).contains("deploy --name nexus-proxy --contextroot / --virtualservers"
        + " nexus-proxy /opt/nexus/runtime/proxy.war");
    assertThat(commands).contains("deploy --name nexus-dashboard --contextroot / --virtualservers"
        + " nexus-dashboard /opt/nexus/runtime/dashboard.war");
    assertThat(commands).contains("set configs.config.server-config.http-service.virtual-server"
        + ".nexus-proxy.network-listeners=nexus-proxy");
    assertThat(commands).contains(
        "create-http --default-virtual-server nexus-proxy --request-timeout-seconds -1 nexus-proxy");
  }

  @Test
  void payaraMetricsEndpointIsSwitchedOff() {
    assertThat(commands(Map.of())).contains(ServiceLaunch.DISABLE_PAYARA_METRICS);
  }

  @Test
  void deploymentsComeAfterListenersAndPool() {
    List<String> commands = commands(Map.of());

    int pool = commands.indexOf(line(commands, "create-jdbc-resource"));
    int listener = commands.lastIndexOf(line(commands, "set configs.config.server-config.http-service"));
    int deploy = commands.indexOf(line(commands, "deploy "));
    assertThat(pool).isLessThan(deploy);
    assertThat(listener).isLessThan(deploy);
  }

  @Test
  void databaseCommandsMatchMicroPostBoot() {
    Map<String, String> values = Map.of("DATABASE_URL", "postgresql://nexus:s3cret@db.internal:5433/nexus");
    List<String> commands = commands(values);

    assertThat(commands).containsSequence(
        DatabaseSettings.from(new Environment(values), HOME.resolve("data")).asadminArguments()
            .stream().map(AsadminSyntax::multimodeCommand).toList());
  }

  @Test
  void h2UrlKeepsEscapesThroughMultimode() {
    String pool = line(commands(Map.of()), "create-jdbc-connection-pool");

    assertThat(pool).contains("URL=jdbc\\\\:h2\\\\:file\\\\:/srv/nexus/data/nexus;AUTO_SERVER\\\\=TRUE");
  }

  @Test
  void onlyDashboardProtocolGetsCookieSettings() {
    List<String> commands = commands(Map.of());

    assertThat(commands).contains("set configs.config.server-config.network-config.protocols"
        + ".protocol.nexus-dashboard.http.cookie-same-site-value=Strict");
    assertThat(commands).contains("set configs.config.server-config.network-config.protocols"
        + ".protocol.nexus-dashboard.http.scheme-mapping=X-Forwarded-Proto");
    assertThat(commands).noneMatch(c -> c.contains("protocol.nexus-proxy.http.cookie"));
  }

  @Test
  void proxyThreadsAndSocketTimeoutFollowSettings() {
    List<String> commands = commands(Map.of("PROXY_MAX_THREADS", "300", "PROXY_SERVER_TIMEOUT", "90000"));

    assertThat(commands).contains("create-threadpool --maxthreadpoolsize 300 nexus-proxy");
    assertThat(commands).contains("create-threadpool --maxthreadpoolsize "
        + ServiceLaunch.DASHBOARD_MAX_THREADS + " nexus-dashboard");
    String transport = "set configs.config.server-config.network-config.transports.transport.tcp.";
    assertThat(commands).contains(transport + "read-timeout-millis=90000");
    assertThat(commands).contains(transport + "write-timeout-millis=90000");
    assertThat(commands).contains(transport + "tcp-no-delay=true");
  }

  @Test
  void systemPropertiesPointAtHomeAndEnvFile() {
    Map<String, String> properties = generator(Map.of()).systemProperties();

    assertThat(properties).containsEntry("NEXUS_HOME", "/srv/nexus");
    assertThat(properties).containsEntry("nexus.env.file", "/srv/operator/.env");
    assertThat(properties).containsEntry("h2.bindAddress", "127.0.0.1");
  }

  @Test
  void relativeDirectoriesBecomeAbsolute() {
    Map<String, String> properties = generator(Map.of("CREDENTIALS_DIR", "keys/../creds",
        "MCP_PROMPTS_DIR", "/etc/nexus/prompts")).systemProperties();

    assertThat(properties).containsEntry("CREDENTIALS_DIR", "/srv/operator/creds");
    assertThat(properties).containsEntry("MCP_PROMPTS_DIR", "/etc/nexus/prompts");
    assertThat(properties).containsEntry("CLIENT_SETUP_DIR", "/srv/operator/client-setup");
    assertThat(properties).containsEntry("TEST_SAMPLES_DIR", "/srv/operator/test-samples");
  }

  @Test
  void homeDirectoryTildeExpands() {
    Map<String, String> properties = generator(Map.of("CREDENTIALS_DIR", "~/creds")).systemProperties();

    assertThat(properties.get("CREDENTIALS_DIR"))
        .isEqualTo(Path.of(System.getProperty("user.home"), "creds").toString());
  }

  @Test
  void systemPropertiesCarryNoSecrets() {
    Map<String, String> values = new HashMap<>();
    values.put("DASHBOARD_API_KEY", "dashboard-secret");
    values.put("OAUTH_TOKEN_ENCRYPTION_KEY", "oauth-secret");
    values.put("DATABASE_URL", "postgresql://nexus:db-secret@127.0.0.1/nexus");
    String line = line(commands(values), "create-system-properties");

    assertThat(line).doesNotContain("dashboard-secret");
    assertThat(line).doesNotContain("oauth-secret");
    assertThat(line).doesNotContain("db-secret");
  }

  @Test
  void pathWithColonIsEscapedInSystemProperties() {
    String line = line(commands(Map.of("CREDENTIALS_DIR", "/data/a:b=c")), "create-system-properties");

    assertThat(line).contains("CREDENTIALS_DIR=/data/a\\\\:b\\\\=c");
  }

  @Test
  void samePortForBothIsRejected() {
    assertThatThrownBy(() -> commands(Map.of("PROXY_PORT", "3005", "DASHBOARD_PORT", "3005")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PROXY_PORT and DASHBOARD_PORT are both 3005");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1", "http", "99999999999999999999"})
  void invalidPortIsRejected(String port) {
    assertThatThrownBy(() -> commands(Map.of("DASHBOARD_PORT", port)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DASHBOARD_PORT=" + port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1 --enabled false", "host\nset x=y", "a\"b", "${ALIAS=x}",
      "x;y"})
  void hostileHostIsRejected(String host) {
    assertThatThrownBy(() -> commands(Map.of("HOST", host)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid address");
  }

  @Test
  void oversizedHostIsRejected() {
    assertThatThrownBy(() -> commands(Map.of("HOST", "a".repeat(254))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HOST=");
  }

  @Test
  void invalidProxySettingIsRejected() {
    assertThatThrownBy(() -> commands(Map.of("RETENTION_HOUR", "25")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RETENTION_HOUR=25");
    assertThatThrownBy(() -> commands(Map.of("PROXY_MAX_THREADS", "100001")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PROXY_MAX_THREADS=100001");
  }

  @Test
  void invalidDashboardSettingIsRejected() {
    assertThatThrownBy(() -> commands(Map.of("DASHBOARD_CACHE_TTL", "-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DASHBOARD_CACHE_TTL=-5");
  }

  @Test
  void lineBreakInDirectoryIsRejected() {
    assertThatThrownBy(() -> commands(Map.of("CREDENTIALS_DIR", "/data\ndeploy /tmp/evil.war")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
  }
}
