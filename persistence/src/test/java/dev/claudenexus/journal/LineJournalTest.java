package dev.claudenexus.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineJournalTest {

  private static final LineCodec<Integer> NUMBERS = new LineCodec<>() {
    @Override
    public String toLine(Integer entry) {
      return entry.toString();
    }

    @Override
    public Integer fromLine(String line) {
      return Integer.valueOf(line);
    }
  };

  @TempDir Path directory;

  private LineJournal<Integer> journal() {
    return new LineJournal<>(directory, NUMBERS, "test journal");
  }

  private static List<Integer> numbers(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  @Test
  void replayHandsOutBatchesInOrder() throws IOException {
    LineJournal<Integer> journal = journal();
    journal.append(numbers(0, 7), false);
    List<List<Integer>> batches = new ArrayList<>();

    int count = journal.replay(3, batch -> batches.add(List.copyOf(batch)));

    assertEquals(7, count);
    assertEquals(List.of(numbers(0, 3), numbers(3, 6), numbers(6, 7)), batches);
  }

  @Test
  void failedReplayStartsAgainAtFirstEntry() throws IOException {
    LineJournal<Integer> journal = journal();
    journal.append(numbers(0, 5), true);

    assertThrows(IllegalStateException.class, () -> journal.replay(2, batch -> {
      if (batch.get(0) == 2) {
        throw new IllegalStateException("database went away");
      }
    }));
    journal.append(numbers(5, 6), false);

    List<Integer> second = new ArrayList<>();
    journal.replay(10, second::addAll);
    assertEquals(numbers(0, 5), second, "the interrupted file first, without newer entries");
    journal.completeReplay();

    List<Integer> third = new ArrayList<>();
    journal.replay(10, third::addAll);
    journal.completeReplay();
    assertEquals(List.of(5), third);
    assertFalse(journal.hasWork());
  }

  @Test
  void unreadableLineIsSkipped() throws IOException {
    LineJournal<Integer> journal = journal();
    journal.append(List.of(1), false);
    Files.writeString(directory.resolve("pending.jsonl"), "not a number\n",
        java.nio.file.StandardOpenOption.APPEND);
    journal.append(List.of(2), false);

    assertEquals(List.of(1, 2), journal.beginReplay());
    assertTrue(journal.hasWork());
  }
}
