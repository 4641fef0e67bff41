package dev.claudenexus.storage;

import dev.claudenexus.journal.LineCodec;
import dev.claudenexus.journal.LineJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Append-only file of records that could not be written to the database yet, one JSON line each.
 *
 * <p>Every append is forced to disk before it returns, so a record is lost only if both the
 * database and the local disk fail. A line cut short by a crash is skipped on replay with a warning.
 * Records that the database rejects even after clean-up go to a separate dead-letter file.
 */
public final class StorageJournal {

  private static final LineCodec<RequestRecord> CODEC = new LineCodec<>() {
    @Override
    public String toLine(RequestRecord record) {
      return RequestRecordJson.toLine(record);
    }

    @Override
    public RequestRecord fromLine(String line) {
      return RequestRecordJson.fromLine(line);
    }
  };

  private final LineJournal<RequestRecord> lines;

  public StorageJournal(Path directory) {
    this.lines = new LineJournal<>(directory, CODEC, "storage journal");
  }

  /** Appends records in order and forces them to disk. */
  public void append(List<RequestRecord> records) throws IOException {
    lines.append(records, true);
  }

  /** Appends records that the database rejected, for an operator to inspect and re-import. */
  public void appendDeadLetter(RequestRecord record) throws IOException {
    lines.appendDeadLetter(record);
  }

  /** Returns whether records are waiting for replay. */
  public boolean hasPending() {
    return lines.hasPending();
  }

  /** Returns the size of the pending file in bytes, for health reports. */
  public long pendingBytes() {
    return lines.pendingBytes();
  }

  /**
   * Moves the pending file aside and returns its records in order. The caller writes them and then
   * calls {@link #completeReplay}; until it does, every call returns the same records again, ahead of
   * newer ones.
   */
  public List<RequestRecord> beginReplay() throws IOException {
    return lines.beginReplay();
  }

  /** Deletes the records handed out by {@link #beginReplay}, which are now in the database. */
  public void completeReplay() throws IOException {
    lines.completeReplay();
  }

  /** Returns whether a replay was interrupted or records are pending. */
  public boolean hasWork() {
    return lines.hasWork();
  }
}
