package dev.claudenexus.proxy.recording;

/**
 * Splits a byte stream into lines that end in LF, CRLF or CR, whatever the split of the input
 * into {@link #accept} calls.
 *
 * <p>Lines stay bytes until they are complete, and LF and CR never occur inside a multi-byte
 * UTF-8 sequence, so a character split across two reads is decoded whole. A line longer than the
 * limit is not buffered: its bytes are skipped up to the next terminator, and the sink receives
 * {@link LineSink#oversizedLine} in place of the line.
 */
final class SseLineSplitter {

  private static final int INITIAL_CAPACITY = 256;
  /** Capacity above which the buffer is released after each line, so one long line is not kept. */
  private static final int RETAINED_CAPACITY = 64 * 1024;

  private final int maxLineBytes;
  private final LineSink sink;
  private byte[] line = new byte[INITIAL_CAPACITY];
  private int length;
  private boolean oversized;
  /** Whether the previous read ended in CR, so a leading LF of the next read ends no line. */
  private boolean skipLineFeed;

  SseLineSplitter(int maxLineBytes, LineSink sink) {
    this.maxLineBytes = maxLineBytes;
    this.sink = sink;
  }

  void accept(byte[] bytes, int offset, int count) {
    int end = offset + count;
    int position = offset;
    if (skipLineFeed && position < end) {
      skipLineFeed = false;
      if (bytes[position] == '\n') {
        position++;
      }
    }
    while (position < end) {
      int lineEnd = findLineEnd(bytes, position, end);
      append(bytes, position, lineEnd - position);
      if (lineEnd == end) {
        return;
      }
      completeLine();
      position = lineEnd + 1;
      if (bytes[lineEnd] == '\r') {
        if (position == end) {
          skipLineFeed = true;
        } else if (bytes[position] == '\n') {
          position++;
        }
      }
    }
  }

  /** Passes an unterminated last line to the sink as a line, then ends the stream. */
  void finish() {
    if (oversized) {
      sink.oversizedLine();
    } else if (length > 0) {
      sink.line(line, 0, length);
    }
    length = 0;
    oversized = false;
    sink.endOfStream();
  }

  private static int findLineEnd(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        return i;
      }
    }
    return end;
  }

  private void append(byte[] bytes, int offset, int count) {
    if (count == 0 || oversized) {
      return;
    }
    if (count > maxLineBytes - length) {
      oversized = true;
      length = 0;
      releaseLargeBuffer();
      return;
    }
    ensureCapacity(length + count);
    System.arraycopy(bytes, offset, line, length, count);
    length += count;
  }

  private void ensureCapacity(int required) {
    if (required <= line.length) {
      return;
    }
    long doubled = 2L * line.length;
    int capacity = (int) Math.max(required, Math.min(doubled, maxLineBytes));
    byte[] larger = new byte[capacity];
    System.arraycopy(line, 0, larger, 0, length);
    line = larger;
  }

  private void completeLine() {
    if (oversized) {
      sink.oversizedLine();
    } else {
      sink.line(line, 0, length);
    }
    length = 0;
    oversized = false;
    releaseLargeBuffer();
  }

  private void releaseLargeBuffer() {
    if (line.length > RETAINED_CAPACITY) {
      line = new byte[INITIAL_CAPACITY];
    }
  }
}
