package dev.claudenexus.servertests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Both wars on one Payara Server domain, set up as {@code docs/deploy-payara-server.md} describes:
 * a new domain with every listener on 127.0.0.1, then the file that {@code bin/nexus
 * server-commands} writes, applied with {@code asadmin multimode}. The database is a new PostgreSQL
 * database when {@code NEXUS_TEST_DATABASE_URL} is set, else the embedded H2 file database. The
 * domain starts once for all tests and is stopped after them, also when the set-up fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT {

  private static final Logger LOG = Logger.getLogger(PayaraServerIT.class.getName());
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
  private static final String SESSION_COOKIE = "NEXUS_DASHBOARD_SESSION";

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private FakeAnthropicApi fake;
  private TestDatabase database;
  private NexusInstallation installation;
  private PayaraDomain domain;
  private DomainPorts ports;

  @BeforeAll
  void startDomain() throws Exception {
    long started = System.nanoTime();
    Path root = Path.of(System.getProperty("nexus.root", "..")).toAbsolutePath().normalize();
    Path payara = Path.of(System.getProperty("payara.server.home")).toAbsolutePath();
    Path work = root.resolve("payara-server-tests/target/payara-server-it");
    TestFiles.deleteRecursively(work);
    Files.createDirectories(work);

    ports = DomainPorts.allocate();
    fake = FakeAnthropicApi.start();
    database = TestDatabase.create();
    installation = NexusInstallation.write(root, work.resolve("nexus-home"), ports, fake, database);
    try {
      domain = PayaraDomain.create(payara, work.resolve("domains"), ports);
      if (database.isPostgres()) {
        domain.addLibrary(root.resolve("server-config/target/runtime/postgresql.jar"));
      }
      domain.start();
      long domainStarted = System.nanoTime();
      Path commands = installation.writeServerCommands();
      LOG.info(domain.multimode(commands));
      installation.awaitReady();
      LOG.info(() -> String.format("Domain start %.1f s, commands and deployments %.1f s",
          (domainStarted - started) / 1e9, (System.nanoTime() - domainStarted) / 1e9));
    } catch (Exception | AssertionError e) {
      stopDomain();
      throw e;
    }
  }

  @AfterAll
  void stopDomain() throws Exception {
    try {
      if (domain != null) {
        domain.close();
      }
    } finally {
      if (fake != null) {
        fake.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  @Order(1)
  void proxyForwardsAndDashboardListsRequest() throws Exception {
    HttpResponse<String> response = http.send(installation.messagesRequest("hello from Payara Server"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(10));
    assertThat(upstream.header("x-api-key")).isEqualTo(NexusInstallation.UPSTREAM_API_KEY);
    String requestId = response.headers().firstValue("x-nexus-request-id").orElseThrow();
    assertThat(awaitListedRequest(requestId)).contains(requestId);
  }

  @Test
  @Order(2)
  void dashboardPageRendersAfterLogin() throws Exception {
    String base = installation.dashboardUrl();
    HttpResponse<String> form = get(base + "/dashboard/login", null);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("the login form has a CSRF field").isTrue();

    String body = "key=" + URLEncoder.encode(NexusInstallation.DASHBOARD_KEY, StandardCharsets.UTF_8)
        + "&_csrf=" + csrf.group(1);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", SESSION_COOKIE + "=" + sessionCookie(form))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(
        cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Strict"));

    HttpResponse<String> page = get(base + "/dashboard", SESSION_COOKIE + "=" + sessionCookie(login));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html").contains("name=\"csrf-token\"");
  }

  @Test
  @Order(3)
  void poolAndApplicationsAreManagedByDomain() throws Exception {
    assertThat(domain.remote("list-jdbc-connection-pools")).contains("NexusPool");
    assertThat(domain.remote("ping-connection-pool", "NexusPool")).contains("successfully");
    assertThat(domain.remote("list-applications")).contains("nexus-proxy").contains("nexus-dashboard");
    assertThat(domain.remote("list-http-listeners")).contains("nexus-proxy").contains("nexus-dashboard");
  }

  /** Runs last, so listeners that open on first use (JMX, data grid, H2's server) are included. */
  @Test
  @Order(4)
  void domainListensOnLoopbackOnly() throws Exception {
    List<ListeningSockets.Socket> sockets = ListeningSockets.of(domain.pid().orElseThrow());

    assertThat(sockets).extracting(ListeningSockets.Socket::port)
        .contains(ports.admin(), ports.http(), ports.proxy(), ports.dashboard());
    assertThat(sockets).as("sockets of the domain's process").allSatisfy(
        socket -> assertThat(socket.isLoopback()).as(socket.toString()).isTrue());
  }

  private String awaitListedRequest(String requestId) throws Exception {
    String url = installation.dashboardUrl() + "/api/requests?limit=20";
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("X-Dashboard-Key", NexusInstallation.DASHBOARD_KEY).build(),
          HttpResponse.BodyHandlers.ofString());
      body = response.body();
      if (response.statusCode() == 200 && body.contains(requestId)) {
        return body;
      }
      Thread.sleep(250);
    }
    return body;
  }

  private HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
        .map(cookie -> cookie.substring(SESSION_COOKIE.length() + 1, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + SESSION_COOKIE + " cookie in " + response.headers()));
  }
}
