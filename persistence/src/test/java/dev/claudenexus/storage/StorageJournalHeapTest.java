package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a journal several times larger than a child JVM's heap, to show that a replay reads it
 * in bounded batches. Reading the whole file at once, as {@link StorageJournal#beginReplay} does,
 * fails with {@link OutOfMemoryError} in the same JVM.
 */
class StorageJournalHeapTest {

  private static final int RECORDS = 1_200;
  private static final int BODY_CHARS = 50_000;
  private static final String CHILD_HEAP = "-Xmx48m";

  @TempDir Path directory;

  @Test
  void replayOfLargeJournalFitsSmallHeap() throws IOException, InterruptedException {
    writeJournal();
    assertTrue(Files.size(directory.resolve("pending.jsonl")) > 55L * 1024 * 1024,
        "the journal is too small to exceed the child heap");

    ChildResult result = replayInChild("batches");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("replayed " + RECORDS, result.output().strip());
  }

  @Test
  void wholeFileReadExceedsSmallHeap() throws IOException, InterruptedException {
    writeJournal();

    ChildResult result = replayInChild("whole");

    assertTrue(result.output().contains("OutOfMemoryError"),
        "reading the whole journal fitted the child heap, so the other test proves nothing: "
            + result.output());
  }

  private void writeJournal() throws IOException {
    StorageJournal journal = new StorageJournal(directory);
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(BODY_CHARS)
        + "\"}]}";
    for (int written = 0; written < RECORDS; written += 100) {
      List<RequestRecord> group = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        group.add(RecordBuilder.full().requestBody(body).build());
      }
      journal.append(group);
    }
  }

  private record ChildResult(int exitCode, String output) {}

  private ChildResult replayInChild(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output = directory.resolve("child-" + mode + ".out");
    Process process = new ProcessBuilder(java.toString(), CHILD_HEAP, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Replay.class.getName(),
        directory.toString(), mode)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish the replay within 120 s");
    }
    return new ChildResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** Replays the journal of the directory in {@code args[0]} and prints the number of records. */
  static final class Replay {

    private Replay() {}

    public static void main(String[] args) throws IOException {
      StorageJournal journal = new StorageJournal(Path.of(args[0]));
      long replayed = 0;
      if (args[1].equals("whole")) {
        replayed = journal.beginReplay().size();
      } else {
        while (journal.hasWork()) {
          StorageJournal.ReplayBatch batch = journal.nextReplayBatch(100, 8L * 1024 * 1024);
          replayed += batch.records().size();
          journal.acknowledge(batch);
        }
      }
      System.out.println("replayed " + replayed);
    }
  }
}
