package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code bin/nexus demo} in a home and on ports of its own, as a new user runs it: the sessions it
 * plays are stored with their branches, and {@code bin/nexus stop} leaves no process behind. It
 * uses its own embedded database, so it runs once, in the H2 pass of the system tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "nexus.it.database", matches = "h2")
class DemoIT {

  private static final Pattern PLAYED = Pattern.compile("Played 7 Claude Code sessions through the proxy: (\\d+) requests");
  private static final List<String> SERVICES = List.of("proxy", "dashboard", "demo");

  private DemoServices demo;
  private Map<String, Long> pids;
  private boolean stopped;

  @BeforeAll
  void runDemo() throws Exception {
    demo = DemoServices.start("nexus-home-demo");
    pids = pids();
  }

  @AfterAll
  void stopDemo() throws Exception {
    if (!stopped && demo != null) {
      demo.close();
    }
  }

  @Test
  void proxyOpensDatabaseFile() throws IOException {
    // The process that opens an embedded H2 file serves it to the other, so the proxy, which
    // writes every request, must be the one that has the file open.
    Path database = demo.home.resolve("demo/data/nexus.mv.db").toRealPath();

    assertTrue(openFiles(pids.get("proxy")).contains(database), "proxy has " + database + " open");
    assertFalse(openFiles(pids.get("dashboard")).contains(database), "dashboard has " + database + " open");
  }

  @Test
  void demoPrintsSummaryAndUrl() {
    assertTrue(PLAYED.matcher(demo.demoOutput).find(), demo.demoOutput);
    assertTrue(demo.demoOutput.contains("Open the dashboard: " + demo.dashboardUrl() + "/dashboard"),
        demo.demoOutput);
  }

  @Test
  void everyPlayedRequestStored() throws Exception {
    Matcher played = PLAYED.matcher(demo.demoOutput);
    assertTrue(played.find(), demo.demoOutput);
    long expected = Long.parseLong(played.group(1));

    assertEquals(expected, awaitCount(expected));
  }

  @Test
  void storedRowsIncludeBranchCompactionAndSubtasks() throws Exception {
    awaitCount(30);

    assertTrue(count("branch_id LIKE 'branch_%'") >= 1, "a prompt edit opens a branch_ branch");
    assertTrue(count("branch_id LIKE 'compact_%'") >= 1, "the compaction opens a compact_ branch");
    assertTrue(count("is_subtask = TRUE AND branch_id LIKE 'subtask_%'") >= 4, "sub-agent requests are sub-tasks");
    assertTrue(count("is_subtask = TRUE AND parent_task_request_id IS NOT NULL") >= 4,
        "sub-task rows name the request that started them");
  }

  @Test
  void storedRowsIncludeFailedRequest() throws Exception {
    awaitCount(30);

    assertEquals(1, count("response_status = 400"));
  }

  @Test
  void storedRowsIncludeQuotaAndBothAccounts() throws Exception {
    awaitCount(30);

    assertEquals(1, count("request_type = 'quota'"));
    assertTrue(count("account_id = 'demo-team'") > 0, "the team account has requests");
    assertTrue(count("account_id = 'demo-solo'") > 0, "the solo account has requests");
  }

  @Test
  void storedPromptKeepsMarkup() throws Exception {
    awaitCount(30);

    assertTrue(count("CAST(body AS VARCHAR) LIKE '%<script>alert(1)</script>%'") >= 1,
        "the prompt with a script element is stored as sent");
  }

  @Test
  void secondDemoRefusedWhileRunning() throws Exception {
    DemoServices.Result second = demo.run("demo");

    assertNotEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains("already runs"), second.output());
  }

  /** Runs after the other tests, which need the services. */
  @Test
  @Order(Integer.MAX_VALUE)
  void stopLeavesNoProcess() throws Exception {
    awaitCount(30);
    DemoServices.Result stop = demo.run("stop");
    stopped = true;

    assertEquals(0, stop.exitCode(), stop.output());
    for (String service : SERVICES) {
      long pid = pids.get(service);
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          service + " (pid " + pid + ") still runs after bin/nexus stop");
      assertFalse(Files.exists(demo.home.resolve("run/" + service + ".pid")), service + " pid file is left");
    }
  }

  private long awaitCount(long expected) throws Exception {
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    long found = count("TRUE");
    while (found < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      found = count("TRUE");
    }
    return found;
  }

  private long count(String condition) throws SQLException {
    try (Connection connection = DriverManager.getConnection(demo.jdbcUrl(), "nexus", "nexus");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM api_requests WHERE " + condition)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Returns the files that process {@code pid} has open, from {@code /proc/PID/fd}. */
  private static List<Path> openFiles(long pid) throws IOException {
    List<Path> files = new ArrayList<>();
    try (var descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path descriptor : descriptors.toList()) {
        try {
          files.add(Files.readSymbolicLink(descriptor));
        } catch (IOException e) {
          // The descriptor was closed after the listing.
        }
      }
    }
    return files;
  }

  private Map<String, Long> pids() throws IOException {
    Map<String, Long> found = new HashMap<>();
    for (String service : SERVICES) {
      Path file = demo.home.resolve("run/" + service + ".pid");
      if (Files.exists(file)) {
        found.put(service, Long.parseLong(Files.readString(file).strip()));
      }
    }
    return found;
  }
}
