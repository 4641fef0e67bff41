package dev.claudenexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceLaunchTest {

  @TempDir Path home;

  private List<String> dashboard(Map<String, String> values) throws IOException {
    return new ServiceLaunch(new Environment(values), home, Path.of("/runtime"), home).prepareDashboard();
  }

  private List<String> proxy(Map<String, String> values) throws IOException {
    return new ServiceLaunch(new Environment(values), home, Path.of("/runtime"), home).prepareProxy();
  }

  @Test
  void dashboardDefaultsToPort3001() throws IOException {
    List<String> command = dashboard(Map.of());

    assertThat(command.get(command.indexOf("--port") + 1)).isEqualTo("3001");
    assertThat(command).contains("/runtime/dashboard.war:/");
  }

  @Test
  void dashboardPortIsConfigurable() throws IOException {
    List<String> command = dashboard(Map.of("DASHBOARD_PORT", "4101", "PROXY_PORT", "4100"));

    assertThat(command.get(command.indexOf("--port") + 1)).isEqualTo("4101");
  }

  @Test
  void dashboardBindsToLoopbackByDefault() throws IOException {
    dashboard(Map.of());

    assertThat(Files.readString(home.resolve("run/dashboard/preboot.asadmin")))
        .contains("http-listener.address=127.0.0.1");
  }

  @Test
  void dashboardCookiesAreSameSiteStrict() throws IOException {
    dashboard(Map.of());

    assertThat(Files.readString(home.resolve("run/dashboard/preboot.asadmin")))
        .contains("http.cookie-same-site-value=Strict")
        .contains("http.cookie-same-site-enabled=true");
  }

  @Test
  void dashboardTrustsForwardedProtoForSecureCookies() throws IOException {
    dashboard(Map.of());

    assertThat(Files.readString(home.resolve("run/dashboard/preboot.asadmin")))
        .contains("http.scheme-mapping=X-Forwarded-Proto");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "86401", "thirty", "30s"})
  void invalidCacheTimeStopsTheStart(String value) {
    assertThatThrownBy(() -> dashboard(Map.of("DASHBOARD_CACHE_TTL", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DASHBOARD_CACHE_TTL");
  }

  @Test
  void invalidSsoSettingsStopTheStart() {
    Map<String, String> plainHttp = Map.of("OIDC_ISSUER_URI", "http://login.example.com/realms/team",
        "OIDC_CLIENT_ID", "nexus", "OIDC_ADMIN_GROUPS", "admins");

    assertThatThrownBy(() -> dashboard(plainHttp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OIDC_ISSUER_URI");
    assertThatThrownBy(() -> new ServiceLaunch(new Environment(plainHttp), home, Path.of("/runtime"),
        home).prepareProxy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OIDC_ISSUER_URI");
  }

  @Test
  void validSsoSettingsStart() throws IOException {
    List<String> command = dashboard(Map.of("OIDC_ISSUER_URI", "https://login.example.com/realms/team",
        "OIDC_CLIENT_ID", "nexus", "OIDC_VIEWER_GROUPS", "readers"));

    assertThat(command).contains("--port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "36501", "a year", "1e3"})
  void invalidAuditRetentionStopsTheStart(String value) {
    assertThatThrownBy(() -> ServiceLaunch.validateRetention(
        new Environment(Map.of("AUDIT_RETENTION_DAYS", value))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AUDIT_RETENTION_DAYS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "10001", "99999999999", "half a second", "500ms"})
  void invalidParentWaitStopsTheStart(String value) {
    assertThatThrownBy(() -> proxy(Map.of("LINK_PARENT_WAIT_MS", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LINK_PARENT_WAIT_MS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "500", "10000"})
  void validParentWaitStarts(String value) throws IOException {
    assertThat(proxy(Map.of("LINK_PARENT_WAIT_MS", value))).contains("/runtime/proxy.war:/");
  }

  @ParameterizedTest
  @CsvSource({
      "STORAGE_BATCH_SIZE, 0", "STORAGE_BATCH_SIZE, -100", "STORAGE_BATCH_SIZE, 10001",
      "STORAGE_QUEUE_CAPACITY, 0", "STORAGE_QUEUE_CAPACITY, ten thousand",
      "STORAGE_QUEUE_MAX_BYTES, 1024", "STORAGE_QUEUE_MAX_BYTES, 32MiB",
      "STORAGE_QUEUE_MAX_BYTES, 99999999999", "SLOW_QUERY_THRESHOLD_MS, -1",
      "CLAUDE_API_TIMEOUT, 0", "CLAUDE_API_TIMEOUT, 10m", "STREAM_IDLE_TIMEOUT_MS, -5",
      "UPSTREAM_MAX_ATTEMPTS, 0", "UPSTREAM_MAX_ATTEMPTS, 11", "UPSTREAM_RETRY_BASE_DELAY_MS, -1",
      "UPSTREAM_RETRY_BUDGET_MS, 1.5", "MAX_REQUEST_SIZE, 0", "MAX_REQUEST_SIZE, 32 MiB",
      "ENABLE_CLIENT_AUTH, flase", "ENABLE_CLIENT_AUTH, yes", "ENABLE_CLIENT_AUTH, off",
      "STORAGE_ENABLED, no", "STORE_STREAMING_CHUNKS, enabled", "DEBUG_SQL, 2",
      "TELEMETRY_ENABLED, nope", "SLACK_ENABLED, Y", "COLLECT_TEST_SAMPLES, on",
      "DASHBOARD_KEY_FAILURE_LIMIT, -1", "DASHBOARD_KEY_FAILURE_LIMIT, ten",
      "DASHBOARD_READ_RATE_LIMIT, -3"})
  void invalidProxySettingStopsTheStart(String name, String value) {
    assertThatThrownBy(() -> proxy(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + "=" + value + " ");
  }

  @ParameterizedTest
  @CsvSource({
      "STORAGE_BATCH_SIZE, 1", "STORAGE_BATCH_SIZE, 10000", "STORAGE_QUEUE_CAPACITY, 1",
      "STORAGE_QUEUE_MAX_BYTES, 1048576", "SLOW_QUERY_THRESHOLD_MS, 0", "CLAUDE_API_TIMEOUT, 4000",
      "STREAM_IDLE_TIMEOUT_MS, 0", "UPSTREAM_MAX_ATTEMPTS, 1", "UPSTREAM_MAX_ATTEMPTS, 10",
      "MAX_REQUEST_SIZE, 2147483647", "ENABLE_CLIENT_AUTH, false", "ENABLE_CLIENT_AUTH, TRUE",
      "ENABLE_CLIENT_AUTH, 0", "STORAGE_ENABLED, 1", "DEBUG_SQL, False", "DEBUG, app:*",
      "DASHBOARD_KEY_FAILURE_LIMIT, 0", "DASHBOARD_KEY_FAILURE_LIMIT, 100"})
  void validProxySettingStarts(String name, String value) throws IOException {
    assertThat(proxy(Map.of(name, value))).contains("/runtime/proxy.war:/");
  }

  @Test
  void booleanWithSpacesStopsTheStart() {
    assertThatThrownBy(() -> proxy(Map.of("ENABLE_CLIENT_AUTH", "true ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ENABLE_CLIENT_AUTH")
        .hasMessageContaining("spaces");
  }

  @ParameterizedTest
  @CsvSource({"proxy, STORAGE_BATCH_SIZE, 0", "proxy, PROXY_PORT, 70000",
      "dashboard, DASHBOARD_CACHE_TTL, -5", "dashboard, DASHBOARD_SESSION_IDLE_MINUTES, 0",
      "dashboard, DASHBOARD_SESSION_IDLE_MINUTES, 10081", "dashboard, DASHBOARD_PORT, 0"})
  void checkNamesTheWrongSetting(String service, String name, String value) {
    assertThatThrownBy(() -> ServiceLaunch.validate(new Environment(Map.of(name, value)), service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + "=" + value + " ");
  }

  @Test
  void checkPassesDefaults() {
    ServiceLaunch.validate(new Environment(Map.of()), "proxy");
    ServiceLaunch.validate(new Environment(Map.of()), "dashboard");
  }

  @Test
  void checkRejectsUnknownService() {
    assertThatThrownBy(() -> ServiceLaunch.validate(new Environment(Map.of()), "database"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use proxy or dashboard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1e2", "many"})
  void invalidKeyFailureLimitStopsDashboard(String value) {
    assertThatThrownBy(() -> dashboard(Map.of("DASHBOARD_KEY_FAILURE_LIMIT", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DASHBOARD_KEY_FAILURE_LIMIT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "many", "2.5"})
  void invalidTokenLimitStopsTheStart(String value) {
    assertThatThrownBy(() -> dashboard(Map.of("TOKEN_LIMIT_5H", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOKEN_LIMIT_5H");
  }

  @Test
  void dashboardSharesTheEmbeddedDatabase() throws IOException {
    dashboard(Map.of());
    new ServiceLaunch(new Environment(Map.of()), home, Path.of("/runtime"), home).prepareProxy();

    String dashboardPool = Files.readString(home.resolve("run/dashboard/postboot.asadmin"));
    String proxyPool = Files.readString(home.resolve("run/proxy/postboot.asadmin"));
    assertThat(dashboardPool).isEqualTo(proxyPool).contains("AUTO_SERVER\\=TRUE");
    assertThat(Files.readString(home.resolve("run/dashboard/system.properties")))
        .contains("h2.bindAddress=127.0.0.1");
  }

  @Test
  void payaraMetricsSwitchedOff() throws IOException {
    dashboard(Map.of());
    new ServiceLaunch(new Environment(Map.of()), home, Path.of("/runtime"), home).prepareProxy();

    for (String service : List.of("proxy", "dashboard")) {
      assertThat(Files.readAllLines(home.resolve("run/" + service + "/postboot.asadmin")))
          .contains("set-metrics-configuration --enabled=false");
    }
  }

  @Test
  void dashboardKeepsItsOwnRootDirectory() throws IOException {
    List<String> command = dashboard(Map.of());

    assertThat(command.get(command.indexOf("--rootdir") + 1))
        .isEqualTo(home.resolve("run/dashboard/payara").toString());
  }
}
