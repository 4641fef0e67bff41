package dev.claudenexus.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Append-only file of records that could not be written to the database yet, one JSON line each.
 *
 * <p>Every append is forced to disk before it returns, so a record is lost only if both the
 * database and the local disk fail. A line cut short by a crash is skipped on replay with a warning.
 * Records that the database rejects even after clean-up go to a separate dead-letter file.
 */
public final class StorageJournal {

  private static final Logger LOG = Logger.getLogger(StorageJournal.class.getName());

  private final Path pendingFile;
  private final Path deadLetterFile;
  /** Byte offset in the replay file up to which records are written to the database. */
  private long replayPosition;

  public StorageJournal(Path directory) {
    this.pendingFile = directory.resolve("pending.jsonl");
    this.deadLetterFile = directory.resolve("dead-letter.jsonl");
  }

  /** Appends records in order and forces them to disk. */
  public synchronized void append(List<RequestRecord> records) throws IOException {
    write(pendingFile, records);
  }

  /** Appends records that the database rejected, for an operator to inspect and re-import. */
  public synchronized void appendDeadLetter(RequestRecord record) throws IOException {
    write(deadLetterFile, List.of(record));
  }

  /** Returns whether records are waiting for replay. */
  public synchronized boolean hasPending() {
    try {
      return Files.exists(pendingFile) && Files.size(pendingFile) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the size of the pending file in bytes, for health reports. */
  public synchronized long pendingBytes() {
    try {
      return Files.exists(pendingFile) ? Files.size(pendingFile) : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Moves the pending file aside and returns all its records in order. The caller writes them and
   * then calls {@link #completeReplay}; until it does, every call returns the same records again,
   * ahead of newer ones. It needs heap for the whole file, so the storage writer reads with
   * {@link #nextReplayBatch} instead.
   */
  public synchronized List<RequestRecord> beginReplay() throws IOException {
    Path replaying = replayingFile();
    if (!Files.exists(replaying)) {
      if (!hasPending()) {
        return List.of();
      }
      Files.move(pendingFile, replaying);
    }
    return readRecords(replaying);
  }

  /** Deletes the records handed out by {@link #beginReplay}, which are now in the database. */
  public synchronized void completeReplay() throws IOException {
    Files.deleteIfExists(replayingFile());
    replayPosition = 0;
  }

  /**
   * Records read from the replay file, and the byte offset in that file after the last of them.
   */
  public record ReplayBatch(List<RequestRecord> records, long endPosition) {}

  /**
   * Reads the next records of the replay file: at most {@code maxRecords}, and no more once
   * {@code maxBytes} of lines are read, but always one whole record. Moves the pending file aside
   * first when no replay is in progress. After writing the records, the caller passes the batch to
   * {@link #acknowledge}. Until it does, the same records come again. An empty batch means that
   * the replay file is finished and deleted.
   *
   * <p>The position lives in memory, so after a restart the replay starts at the beginning of the
   * file again, and the records written before come a second time. The inserts skip stored rows.
   */
  public synchronized ReplayBatch nextReplayBatch(int maxRecords, long maxBytes)
      throws IOException {
    if (maxRecords <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("replay batch limits must be positive: " + maxRecords
          + " records, " + maxBytes + " bytes");
    }
    Path replaying = replayingFile();
    if (!Files.exists(replaying)) {
      replayPosition = 0;
      if (!hasPending()) {
        return new ReplayBatch(List.of(), 0);
      }
      Files.move(pendingFile, replaying);
    }
    List<RequestRecord> records = new ArrayList<>();
    long position = replayPosition;
    try (FileChannel channel = FileChannel.open(replaying, StandardOpenOption.READ)) {
      channel.position(position);
      LineReader input = new LineReader(Channels.newInputStream(channel));
      long bytesRead = 0;
      // Unreadable lines do not count, so an empty batch means the end of the file.
      while (records.size() < maxRecords && (bytesRead < maxBytes || records.isEmpty())) {
        byte[] line = input.next();
        if (line == null) {
          break;
        }
        position += line.length;
        bytesRead += line.length;
        RequestRecord record = parse(line, replaying, position);
        if (record != null) {
          records.add(record);
        }
      }
    }
    if (records.isEmpty()) {
      completeReplay();
    }
    return new ReplayBatch(records, position);
  }

  /** Marks the records of {@code batch} as written, so the next batch starts after them. */
  public synchronized void acknowledge(ReplayBatch batch) {
    replayPosition = Math.max(replayPosition, batch.endPosition());
  }

  /** Returns whether a replay was interrupted or records are pending. */
  public synchronized boolean hasWork() {
    return Files.exists(replayingFile()) || hasPending();
  }

  private Path replayingFile() {
    return pendingFile.resolveSibling("replaying.jsonl");
  }

  private static void write(Path file, List<RequestRecord> records) throws IOException {
    // createDirectories throws and catches an exception when the directory exists. In a profile of
    // a proxy whose storage writer had fallen behind, that took about 1 % of the proxy's CPU.
    if (!Files.isDirectory(file.getParent())) {
      Files.createDirectories(file.getParent());
    }
    // The callers hold the journal's lock, so nothing in this process moves the end of the file
    // between the check of its last byte and the writes.
    try (FileChannel channel = FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      channel.position(size);
      // When a crash cut the last line short, the first record starts a new line to stay readable.
      if (endsInsideLine(channel, size)) {
        writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
      }
      // One record at a time, so a group of large records never needs its whole size in memory.
      for (RequestRecord record : records) {
        byte[] line = RequestRecordJson.toLine(record).getBytes(StandardCharsets.UTF_8);
        writeFully(channel, ByteBuffer.wrap(line), ByteBuffer.wrap(new byte[] {'\n'}));
      }
      channel.force(false);
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer... buffers) throws IOException {
    long remaining = 0;
    for (ByteBuffer buffer : buffers) {
      remaining += buffer.remaining();
    }
    while (remaining > 0) {
      remaining -= channel.write(buffers);
    }
  }

  /** Returns whether a file of {@code size} bytes is non-empty and its last byte is not a line feed. */
  private static boolean endsInsideLine(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return false;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) != '\n';
  }

  /**
   * Reads the lines of a journal file through its own buffer, a block at a time, because reading
   * byte by byte from a buffered stream took a third of the proxy's CPU while it replayed a journal.
   */
  private static final class LineReader {

    private final InputStream input;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    LineReader(InputStream input) {
      this.input = input;
    }

    /**
     * Returns the next line with its line feed, or without one at the end of the file, or
     * {@code null} at the end of the file. One line is one record, so its size is that of a record.
     */
    byte[] next() throws IOException {
      ByteArrayOutputStream partial = null;
      while (true) {
        if (start == end) {
          int read = input.read(buffer, 0, buffer.length);
          if (read < 0) {
            return partial == null || partial.size() == 0 ? null : partial.toByteArray();
          }
          start = 0;
          end = read;
        }
        int stop = end;
        boolean complete = false;
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            stop = i + 1;
            complete = true;
            break;
          }
        }
        if (complete && partial == null) {
          byte[] line = Arrays.copyOfRange(buffer, start, stop);
          start = stop;
          return line;
        }
        if (partial == null) {
          partial = new ByteArrayOutputStream();
        }
        partial.write(buffer, start, stop - start);
        start = stop;
        if (complete) {
          return partial.toByteArray();
        }
      }
    }
  }

  /**
   * Returns the record of a journal line, or {@code null} for a blank line or one that cannot be
   * read, which is logged with the byte offset where it ends. Malformed UTF-8 is replaced, because
   * a line cut inside a multi-byte character must only make that line unreadable.
   */
  private static RequestRecord parse(byte[] line, Path file, long endPosition) {
    int length = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return null;
    }
    try {
      return RequestRecordJson.fromLine(text);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Skipping the unreadable line that ends at byte {0} of the storage journal {1}: {2}",
          new Object[] {endPosition, file, e.toString()});
      return null;
    }
  }

  /** Returns every readable record of {@code file}, for {@link #beginReplay}. */
  private static List<RequestRecord> readRecords(Path file) throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    try (InputStream stream = Files.newInputStream(file)) {
      LineReader input = new LineReader(stream);
      long position = 0;
      byte[] line;
      while ((line = input.next()) != null) {
        position += line.length;
        RequestRecord record = parse(line, file, position);
        if (record != null) {
          records.add(record);
        }
      }
    }
    return records;
  }
}
