package dev.claudenexus.journal;

/**
 * Converts journal entries to and from one line of text.
 *
 * @param <T> the entry type
 */
public interface LineCodec<T> {

  /** Returns the entry as one line, without a line feed. */
  String toLine(T entry);

  /**
   * Parses one line.
   *
   * @throws RuntimeException when the line is not a valid entry; the journal skips that line
   */
  T fromLine(String line);
}
