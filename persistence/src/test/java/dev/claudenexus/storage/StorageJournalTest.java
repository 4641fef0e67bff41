package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageJournalTest {

  @TempDir Path directory;

  private StorageJournal journal() {
    return new StorageJournal(directory);
  }

  private Path pendingFile() {
    return directory.resolve("pending.jsonl");
  }

  private static List<RequestRecord> records(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> RecordBuilder.full().build())
        .toList();
  }

  /** Cuts the file to {@code length} bytes, as a crash during an append would leave it. */
  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    }
  }

  /** Returns the byte offset where the last line of the file starts. */
  private static int lastLineStart(byte[] bytes) {
    int end = bytes.length - 1;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    return end;
  }

  @Test
  void newJournalHasNoWork() {
    StorageJournal journal = journal();

    assertFalse(journal.hasPending());
    assertFalse(journal.hasWork());
    assertEquals(0, journal.pendingBytes());
  }

  @Test
  void emptyJournalReplaysNothing() throws IOException {
    assertEquals(List.of(), journal().beginReplay());
  }

  @Test
  void appendCreatesMissingDirectory() throws IOException {
    StorageJournal journal = new StorageJournal(directory.resolve("a").resolve("b"));

    journal.append(records(1));

    assertTrue(journal.hasPending());
  }

  @Test
  void appendRecreatesRemovedDirectory() throws IOException {
    Path journalDirectory = directory.resolve("journal");
    StorageJournal journal = new StorageJournal(journalDirectory);
    journal.append(records(1));
    Files.delete(journalDirectory.resolve("pending.jsonl"));
    Files.delete(journalDirectory);
    List<RequestRecord> later = records(2);

    journal.append(later);

    assertEquals(later, journal.beginReplay());
  }

  @Test
  void appendedRecordsAreReplayedInOrder() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> first = records(2);
    List<RequestRecord> second = records(3);

    journal.append(first);
    journal.append(second);

    List<RequestRecord> expected = new ArrayList<>(first);
    expected.addAll(second);
    assertEquals(expected, journal.beginReplay());
  }

  @Test
  void appendWritesOneLinePerRecord() throws IOException {
    journal().append(records(4));

    assertEquals(4, Files.readAllLines(pendingFile()).size());
  }

  @Test
  void pendingBytesIsFileSize() throws IOException {
    StorageJournal journal = journal();
    journal.append(records(2));

    assertEquals(Files.size(pendingFile()), journal.pendingBytes());
  }

  @Test
  void completedReplayLeavesNoWork() throws IOException {
    StorageJournal journal = journal();
    journal.append(records(2));

    journal.beginReplay();
    journal.completeReplay();

    assertFalse(journal.hasWork());
    assertEquals(List.of(), journal.beginReplay());
  }

  @Test
  void interruptedReplayStillHasWork() throws IOException {
    StorageJournal journal = journal();
    journal.append(records(2));

    journal.beginReplay();

    assertFalse(journal.hasPending());
    assertTrue(journal.hasWork());
  }

  @Test
  void interruptedReplayRepeatsSameRecords() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);
    journal.beginReplay();

    StorageJournal afterRestart = journal();

    assertTrue(afterRestart.hasWork());
    assertEquals(records, afterRestart.beginReplay());
  }

  @Test
  void recordsAppendedDuringReplayWait() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> older = records(2);
    List<RequestRecord> newer = records(1);
    journal.append(older);

    assertEquals(older, journal.beginReplay());
    journal.append(newer);
    assertEquals(older, journal.beginReplay());

    journal.completeReplay();
    assertTrue(journal.hasWork());
    assertEquals(newer, journal.beginReplay());
  }

  @Test
  void truncatedLastLineIsSkipped() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);
    byte[] bytes = Files.readAllBytes(pendingFile());
    int lastStart = lastLineStart(bytes);
    truncate(pendingFile(), lastStart + (bytes.length - lastStart) / 2);

    assertEquals(records.subList(0, 2), journal.beginReplay());
  }

  @Test
  void cutInsideCharacterSkipsOnlyThatLine() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);
    byte[] bytes = Files.readAllBytes(pendingFile());
    int lastStart = lastLineStart(bytes);
    int multiByteLead = lastStart;
    while ((bytes[multiByteLead] & 0xC0) != 0xC0) {
      multiByteLead++;
    }
    truncate(pendingFile(), multiByteLead + 1);

    assertEquals(records.subList(0, 2), journal.beginReplay());
  }

  @Test
  void appendAfterCutLineKeepsNewRecord() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(2);
    journal.append(records);
    long size = Files.size(pendingFile());
    truncate(pendingFile(), size - 20);
    RequestRecord afterCrash = RecordBuilder.full().build();

    journal.append(List.of(afterCrash));

    assertEquals(List.of(records.get(0), afterCrash), journal.beginReplay());
  }

  @Test
  void unreadableLinesAreSkipped() throws IOException {
    StorageJournal journal = journal();
    RequestRecord first = RecordBuilder.full().build();
    RequestRecord second = RecordBuilder.minimal().build();
    journal.append(List.of(first));
    Files.writeString(pendingFile(), "not json\n\n   \n{\"requestId\":\"x\"}\n", StandardOpenOption.APPEND);
    journal.append(List.of(second));

    assertEquals(List.of(first, second), journal.beginReplay());
  }

  /**
   * Reads the journal in batches of {@code maxRecords} and {@code maxBytes} until it has no work,
   * as the storage writer does, and returns the non-empty batches.
   */
  private static List<List<RequestRecord>> replayInBatches(StorageJournal journal, int maxRecords,
      long maxBytes) throws IOException {
    List<List<RequestRecord>> batches = new ArrayList<>();
    for (int reads = 0; journal.hasWork(); reads++) {
      assertTrue(reads < 1_000, "the replay does not end");
      StorageJournal.ReplayBatch batch = journal.nextReplayBatch(maxRecords, maxBytes);
      if (!batch.records().isEmpty()) {
        batches.add(batch.records());
        journal.acknowledge(batch);
      }
    }
    return batches;
  }

  @Test
  void replayBatchStopsAtRecordLimit() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(5);
    journal.append(records);

    List<List<RequestRecord>> batches = replayInBatches(journal, 2, Long.MAX_VALUE);

    assertEquals(List.of(records.subList(0, 2), records.subList(2, 4), records.subList(4, 5)),
        batches);
    assertFalse(journal.hasWork());
  }

  @Test
  void replayBatchReadsLinesLongerThanBuffer() throws IOException {
    StorageJournal journal = journal();
    String body = "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "x".repeat(200_000) + "\"}]}";
    List<RequestRecord> records = List.of(RecordBuilder.full().build(),
        RecordBuilder.inference(body, "{}").build(), RecordBuilder.full().build(),
        RecordBuilder.inference(body, body).build());
    journal.append(records);

    List<List<RequestRecord>> batches = replayInBatches(journal, 3, Long.MAX_VALUE);

    assertEquals(List.of(records.subList(0, 3), records.subList(3, 4)), batches);
    assertFalse(journal.hasWork());
  }

  @Test
  void replayBatchStopsAtByteLimit() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);
    long firstLineBytes = Files.readAllLines(pendingFile()).get(0).length() + 1;

    List<List<RequestRecord>> batches = replayInBatches(journal, 100, firstLineBytes);

    assertEquals(List.of(records.subList(0, 1), records.subList(1, 2), records.subList(2, 3)),
        batches);
  }

  @Test
  void replayBatchHoldsOneRecordOverByteLimit() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(2);
    journal.append(records);

    assertEquals(List.of(records.subList(0, 1), records.subList(1, 2)),
        replayInBatches(journal, 100, 1));
  }

  @Test
  void unacknowledgedReplayBatchComesAgain() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);

    StorageJournal.ReplayBatch first = journal.nextReplayBatch(2, Long.MAX_VALUE);
    StorageJournal.ReplayBatch again = journal.nextReplayBatch(2, Long.MAX_VALUE);

    assertEquals(records.subList(0, 2), first.records());
    assertEquals(first, again);
  }

  @Test
  void replayAfterRestartStartsAtFileStart() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> records = records(3);
    journal.append(records);
    journal.acknowledge(journal.nextReplayBatch(2, Long.MAX_VALUE));

    StorageJournal afterRestart = journal();

    assertEquals(records, afterRestart.nextReplayBatch(10, Long.MAX_VALUE).records());
  }

  @Test
  void replayBatchesSkipUnreadableLines() throws IOException {
    StorageJournal journal = journal();
    RequestRecord first = RecordBuilder.full().build();
    RequestRecord second = RecordBuilder.minimal().build();
    journal.append(List.of(first));
    Files.writeString(pendingFile(), "not json\n\n   \n{\"requestId\":\"x\"}\n",
        StandardOpenOption.APPEND);
    journal.append(List.of(second));

    assertEquals(List.of(List.of(first), List.of(second)), replayInBatches(journal, 1, 1));
    assertFalse(journal.hasWork());
  }

  @Test
  void replayBatchesThenNewerRecords() throws IOException {
    StorageJournal journal = journal();
    List<RequestRecord> older = records(2);
    List<RequestRecord> newer = records(1);
    journal.append(older);
    journal.acknowledge(journal.nextReplayBatch(1, Long.MAX_VALUE));

    journal.append(newer);

    assertEquals(List.of(older.subList(1, 2), newer), replayInBatches(journal, 5, Long.MAX_VALUE));
  }

  @Test
  void replayBatchRejectsInvalidLimits() {
    StorageJournal journal = journal();

    assertThrows(IllegalArgumentException.class, () -> journal.nextReplayBatch(0, 1));
    assertThrows(IllegalArgumentException.class, () -> journal.nextReplayBatch(1, 0));
    assertThrows(IllegalArgumentException.class, () -> journal.nextReplayBatch(-1, -1));
  }

  @Test
  void deadLetterGoesToOwnFile() throws IOException {
    StorageJournal journal = journal();
    RequestRecord rejected = RecordBuilder.full().build();

    journal.appendDeadLetter(rejected);

    List<String> lines = Files.readAllLines(directory.resolve("dead-letter.jsonl"), StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    assertEquals(rejected, RequestRecordJson.fromLine(lines.get(0)));
  }

  @Test
  void deadLetterIsNotReplayed() throws IOException {
    StorageJournal journal = journal();

    journal.appendDeadLetter(RecordBuilder.full().build());

    assertFalse(journal.hasWork());
    assertEquals(List.of(), journal.beginReplay());
  }

  @Test
  void deadLettersAccumulate() throws IOException {
    StorageJournal journal = journal();

    journal.appendDeadLetter(RecordBuilder.full().build());
    journal.appendDeadLetter(RecordBuilder.minimal().build());

    assertEquals(2, Files.readAllLines(directory.resolve("dead-letter.jsonl")).size());
  }

  @Test
  void journalFileIsUtf8() throws IOException {
    journal().append(List.of(RecordBuilder.minimal().error("\u00fc\u4e2d").build()));

    byte[] bytes = Files.readAllBytes(pendingFile());
    String text = new String(bytes, StandardCharsets.UTF_8);

    assertTrue(text.contains("\u00fc\u4e2d"), Arrays.toString(bytes));
  }
}
