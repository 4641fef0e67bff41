package dev.claudenexus.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Append-only file of entries that have not reached the database yet, one line each.
 *
 * <p>New entries go to {@code pending.jsonl}. A replay moves that file to {@code replaying.jsonl} and
 * hands its entries out; the caller writes them to the database and then calls {@link
 * #completeReplay}. Until it does, every replay returns the same entries again, ahead of newer ones,
 * so a crash in between repeats entries and never loses them. A line cut short by a crash is skipped
 * on replay with a warning. Entries that the database rejects go to {@code dead-letter.jsonl}.
 *
 * @param <T> the entry type
 */
public final class LineJournal<T> {

  /** Receives one batch of a replay; a failure stops the replay and keeps the entries. */
  @FunctionalInterface
  public interface BatchSink<T, E extends Exception> {
    void write(List<T> batch) throws E;
  }

  private static final Logger LOG = Logger.getLogger(LineJournal.class.getName());

  private final Path pendingFile;
  private final Path replayingFile;
  private final Path deadLetterFile;
  private final LineCodec<T> codec;
  private final String name;

  /**
   * Creates a journal in {@code directory}, which is created on the first append.
   *
   * @param name what the journal holds, for log messages ("storage journal")
   */
  public LineJournal(Path directory, LineCodec<T> codec, String name) {
    this.pendingFile = directory.resolve("pending.jsonl");
    this.replayingFile = directory.resolve("replaying.jsonl");
    this.deadLetterFile = directory.resolve("dead-letter.jsonl");
    this.codec = codec;
    this.name = name;
  }

  /**
   * Appends entries in order. With {@code force} the call returns only after the disk has them;
   * without it they survive a crash of the process but not of the operating system.
   */
  public synchronized void append(List<T> entries, boolean force) throws IOException {
    write(pendingFile, entries, force);
  }

  /** Appends an entry that the database rejected, for an operator to inspect and re-import. */
  public synchronized void appendDeadLetter(T entry) throws IOException {
    write(deadLetterFile, List.of(entry), true);
  }

  /** Returns whether entries are waiting for replay. */
  public synchronized boolean hasPending() {
    try {
      return Files.exists(pendingFile) && Files.size(pendingFile) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the size of the pending file in bytes, for health reports; -1 when it is unreadable. */
  public synchronized long pendingBytes() {
    try {
      return Files.exists(pendingFile) ? Files.size(pendingFile) : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Returns whether a replay was interrupted or entries are pending. */
  public synchronized boolean hasWork() {
    return Files.exists(replayingFile) || hasPending();
  }

  /**
   * Moves the pending file aside and returns its entries in order. The caller writes them and then
   * calls {@link #completeReplay}; until it does, every call returns the same entries again.
   */
  public List<T> beginReplay() throws IOException {
    List<T> entries = new ArrayList<>();
    replay(Integer.MAX_VALUE, entries::addAll);
    return entries;
  }

  /**
   * Moves the pending file aside and hands its entries to {@code sink} in batches of at most
   * {@code batchSize}, reading one batch at a time. When the sink throws, the replay stops with that
   * exception and the next replay starts again at the first entry.
   */
  public <E extends Exception> int replay(int batchSize, BatchSink<T, E> sink)
      throws IOException, E {
    synchronized (this) {
      if (!Files.exists(replayingFile)) {
        if (!hasPending()) {
          return 0;
        }
        Files.move(pendingFile, replayingFile);
      }
    }
    // Appends go to the new pending file meanwhile, so the replaying file is read without the lock.
    return readEntries(replayingFile, Math.max(1, batchSize), sink);
  }

  /** Deletes the entries handed out by the last replay, which are now in the database. */
  public synchronized void completeReplay() throws IOException {
    Files.deleteIfExists(replayingFile);
  }

  private void write(Path file, List<T> entries, boolean force) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    Files.createDirectories(file.getParent());
    // When a crash cut the last line short, the first entry starts a new line to stay readable.
    boolean newLineFirst = endsInsideLine(file);
    try (FileChannel channel = FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      if (newLineFirst) {
        writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
      }
      // One entry at a time, so a group of large entries never needs its whole size in memory.
      for (T entry : entries) {
        String line = codec.toLine(entry) + '\n';
        writeFully(channel, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      }
      if (force) {
        channel.force(false);
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Returns whether the file is non-empty and its last byte is not a line feed. */
  private static boolean endsInsideLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  private <E extends Exception> int readEntries(Path file, int batchSize, BatchSink<T, E> sink)
      throws IOException, E {
    int total = 0;
    List<T> batch = new ArrayList<>(Math.min(batchSize, 1_000));
    // InputStreamReader replaces malformed bytes, because a line cut inside a multi-byte character
    // must only make that line unreadable, not the whole file.
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          batch.add(codec.fromLine(line));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Skipping unreadable line {0} of the {1} {2}: {3}",
              new Object[] {number, name, file, e.toString()});
          continue;
        }
        if (batch.size() == batchSize) {
          sink.write(batch);
          total += batch.size();
          batch = new ArrayList<>(Math.min(batchSize, 1_000));
        }
      }
    }
    if (!batch.isEmpty()) {
      sink.write(batch);
      total += batch.size();
    }
    return total;
  }
}
