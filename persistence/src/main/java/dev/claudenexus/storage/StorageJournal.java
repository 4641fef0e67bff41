package dev.claudenexus.storage;

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
   * Moves the pending file aside and returns its records in order. The caller writes them and then
   * calls {@link #completeReplay}; until it does, every call returns the same records again, ahead of
   * newer ones.
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
  }

  /** Returns whether a replay was interrupted or records are pending. */
  public synchronized boolean hasWork() {
    return Files.exists(replayingFile()) || hasPending();
  }

  private Path replayingFile() {
    return pendingFile.resolveSibling("replaying.jsonl");
  }

  private static void write(Path file, List<RequestRecord> records) throws IOException {
    Files.createDirectories(file.getParent());
    // When a crash cut the last line short, the first record starts a new line to stay readable.
    boolean newLineFirst = endsInsideLine(file);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      if (newLineFirst) {
        writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
      }
      // One record at a time, so a group of large records never needs its whole size in memory.
      for (RequestRecord record : records) {
        String line = RequestRecordJson.toLine(record) + '\n';
        writeFully(channel, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      }
      channel.force(false);
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

  private static List<RequestRecord> readRecords(Path file) throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    // A decoder that replaces malformed bytes, because a line cut inside a multi-byte character
    // must only make that line unreadable, not the whole file.
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(RequestRecordJson.fromLine(line));
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "Skipping unreadable line {0} of the storage journal {1}: {2}",
              new Object[] {number, file, e.toString()});
        }
      }
    }
    return records;
  }
}
