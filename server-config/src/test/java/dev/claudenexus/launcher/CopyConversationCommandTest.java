package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.schema.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures of copy-conversation before anything is copied. */
class CopyConversationCommandTest {

  @TempDir Path home;

  private ToolsDatabase source;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void openSource() throws Exception {
    source = ToolsDatabase.h2();
    SchemaMigrator.migrate(source.dataSource());
  }

  @AfterEach
  void closeSource() throws Exception {
    source.close();
  }

  private Exception failure(Map<String, String> settings, String destination) {
    String[] args = {"copy-conversation", "--conversation-id", UUID.randomUUID().toString(),
        "--dest-db", destination};
    return assertThrows(Exception.class, () -> new CopyConversationCommand(new Environment(settings),
        home).run(CopyOptions.parse(args, 1), new PrintStream(output, true, StandardCharsets.UTF_8)));
  }

  /** Returns a loopback port that nothing listens on. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void unreachableDestinationIsReported() throws Exception {
    Exception e = failure(source.serviceSettings(),
        "postgresql://nexus:hunter2-secret@127.0.0.1:" + closedPort() + "/copy");

    assertTrue(e instanceof CommandFailedException, e.toString());
    assertTrue(e.getMessage().contains("cannot connect to the destination database"
        + " postgresql://nexus@127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("check the host, port, database, user and password"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertFalse(output.toString(StandardCharsets.UTF_8).contains("hunter2"));
  }

  @Test
  void unreachableSourceIsReported() throws Exception {
    Exception e = failure(Map.of("DATABASE_URL",
        "postgresql://nexus:source-secret@127.0.0.1:" + closedPort() + "/nexus"), source.url());

    assertTrue(e instanceof CommandFailedException, e.toString());
    assertTrue(e.getMessage().contains("cannot connect to the source database"), e.getMessage());
    assertTrue(e.getMessage().contains("check DATABASE_URL"), e.getMessage());
    assertFalse(e.getMessage().contains("source-secret"), e.getMessage());
  }

  @Test
  void wrongH2PasswordIsNotRepeated() {
    Exception e = failure(source.serviceSettings(),
        "jdbc:h2:mem:tools_other;DB_CLOSE_DELAY=-1;IFEXISTS=TRUE;PASSWORD=hunter2-secret");

    assertTrue(e instanceof CommandFailedException, e.toString());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void missingEmbeddedDatabaseIsReported() {
    Exception e = failure(Map.of(), "jdbc:h2:mem:tools_unused");

    assertTrue(e instanceof CommandFailedException, e.toString());
    assertTrue(e.getMessage().contains("there is no embedded database at "
        + home.resolve("data").resolve("nexus.mv.db")), e.getMessage());
  }

  @Test
  void sourceWithoutRequestsTableIsReported() throws Exception {
    try (ToolsDatabase empty = ToolsDatabase.h2()) {
      Exception e = failure(empty.serviceSettings(), source.url());

      assertTrue(e instanceof CommandFailedException, e.toString());
      assertTrue(e.getMessage().contains("has no api_requests table"), e.getMessage());
    }
  }
}
