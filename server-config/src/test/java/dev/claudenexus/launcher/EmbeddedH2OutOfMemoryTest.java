package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the embedded H2 database, with the URL that {@link DatabaseSettings} gives, in a child JVM
 * whose heap fills while it commits 50 KB rows, and then opens the file again. With H2 2.2.224's
 * default background writer, an {@link OutOfMemoryError} in that thread left the file unreadable
 * ("File corrupted in chunk ...") in 3 of 6 runs on a 2-core machine.
 */
class EmbeddedH2OutOfMemoryTest {

  private static final int RUNS = 3;

  @TempDir Path directory;

  @Test
  void outOfMemoryLeavesReadableFile() throws Exception {
    for (int run = 0; run < RUNS; run++) {
      Path data = directory.resolve("run-" + run);
      String url = DatabaseSettings.from(new Environment(Map.of()), data).properties().get("URL");

      String output = fillHeapInChild(url, data);

      assertTrue(output.contains("out of memory"), "the child JVM never ran out of memory: " + output);
      assertTrue(countRows(url) > 0, "no committed row survived run " + run);
    }
  }

  private String fillHeapInChild(String url, Path data) throws IOException, InterruptedException {
    Files.createDirectories(data);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output = data.resolve("child.out");
    // AUTO_SERVER=TRUE opens a TCP server, which stays on loopback as in the services.
    Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
        "-Dh2.bindAddress=127.0.0.1",
        "-cp", System.getProperty("java.class.path"), FillHeap.class.getName(), url)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish within 180 s");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text;
  }

  private static long countRows(String url) throws SQLException {
    System.setProperty("h2.bindAddress", "127.0.0.1");
    try (Connection connection = DriverManager.getConnection(url, DatabaseSettings.H2_USER,
            DatabaseSettings.H2_PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM filler")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Commits batches of 50 KB rows to the database at {@code args[0]} while it keeps more and more
   * of the heap, until a commit fails. Prints "out of memory" once the heap ran out.
   */
  static final class FillHeap {

    private FillHeap() {}

    public static void main(String[] args) {
      List<byte[]> heapBlocks = new ArrayList<>();
      String body = "x".repeat(50_000);
      boolean outOfMemory = false;
      try (Connection connection = DriverManager.getConnection(args[0], DatabaseSettings.H2_USER,
          DatabaseSettings.H2_PASSWORD)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE filler (id BIGINT PRIMARY KEY, body CLOB)");
        }
        connection.setAutoCommit(false);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO filler VALUES (?, ?)");
        long id = 0;
        for (int batch = 0; batch < 4_000; batch++) {
          for (int i = 0; i < 100; i++) {
            insert.setLong(1, ++id);
            insert.setString(2, body);
            insert.addBatch();
          }
          try {
            insert.executeBatch();
            connection.commit();
          } catch (SQLException e) {
            System.out.println("commit failed after row " + id + ": " + e.getMessage());
            outOfMemory |= String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("memory");
            break;
          } catch (OutOfMemoryError e) {
            heapBlocks.clear();
            insert.clearBatch();
            outOfMemory = true;
            continue;
          }
          try {
            for (int i = 0; i < 4; i++) {
              heapBlocks.add(new byte[1 << 20]);
            }
          } catch (OutOfMemoryError e) {
            outOfMemory = true;
            for (int i = 0; i < 3 && !heapBlocks.isEmpty(); i++) {
              heapBlocks.remove(heapBlocks.size() - 1);
            }
          }
        }
      } catch (SQLException e) {
        System.out.println("closing failed: " + e.getMessage());
      }
      heapBlocks.clear();
      System.out.println(outOfMemory ? "out of memory" : "the heap never filled");
    }
  }
}
