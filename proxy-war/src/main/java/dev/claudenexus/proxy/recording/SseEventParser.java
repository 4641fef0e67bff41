package dev.claudenexus.proxy.recording;

import java.nio.charset.StandardCharsets;

/**
 * Applies the field rules of the WHATWG server-sent events specification to complete lines and
 * dispatches each event at its blank line.
 *
 * <p>Only the {@code event} and {@code data} fields are read, because the recorder has no use
 * for {@code id} and {@code retry}. Comment lines (starting with ':') are ignored. The data of
 * one event is limited to {@code maxDataBytes} bytes, LF separators included; an event over the
 * limit is dropped and reported to the listener.
 */
final class SseEventParser implements LineSink {

  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
  private static final int RETAINED_CAPACITY = 64 * 1024;

  private final long maxDataBytes;
  private final SseListener listener;
  private StringBuilder data = new StringBuilder();
  private long dataBytes;
  private boolean hasData;
  private String eventName;
  private boolean dropped;
  private boolean firstLine = true;

  SseEventParser(long maxDataBytes, SseListener listener) {
    this.maxDataBytes = maxDataBytes;
    this.listener = listener;
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    int start = offset;
    int end = offset + length;
    if (firstLine) {
      firstLine = false;
      start = skipByteOrderMark(bytes, start, end);
    }
    if (start == end) {
      dispatch();
      return;
    }
    if (bytes[start] == ':') {
      return;
    }
    int colon = indexOfColon(bytes, start, end);
    int valueStart = colon < 0 ? end : colon + 1;
    if (valueStart < end && bytes[valueStart] == ' ') {
      valueStart++;
    }
    int nameEnd = colon < 0 ? end : colon;
    if (isField(bytes, start, nameEnd, DATA)) {
      appendData(bytes, valueStart, end - valueStart);
    } else if (isField(bytes, start, nameEnd, EVENT)) {
      eventName = valueStart == end ? null : decode(bytes, valueStart, end - valueStart);
    }
  }

  @Override
  public void oversizedLine() {
    firstLine = false;
    dropped = true;
    clearData();
  }

  @Override
  public void endOfStream() {
    if (hasData || eventName != null || dropped) {
      listener.onUnterminatedEvent(eventName, hasData && !dropped ? data.toString() : null);
    }
    reset();
  }

  private void appendData(byte[] bytes, int offset, int length) {
    if (dropped) {
      return;
    }
    dataBytes += length + 1L;
    if (dataBytes > maxDataBytes) {
      dropped = true;
      clearData();
      return;
    }
    if (hasData) {
      data.append('\n');
    }
    data.append(decode(bytes, offset, length));
    hasData = true;
  }

  private void dispatch() {
    if (dropped) {
      listener.onEventDropped(eventName);
    } else if (hasData) {
      listener.onEvent(eventName, data.toString());
    }
    reset();
  }

  private void reset() {
    clearData();
    eventName = null;
    dropped = false;
  }

  private void clearData() {
    if (data.capacity() > RETAINED_CAPACITY) {
      data = new StringBuilder();
    } else {
      data.setLength(0);
    }
    dataBytes = 0;
    hasData = false;
  }

  private static int skipByteOrderMark(byte[] bytes, int start, int end) {
    boolean bom =
        end - start >= 3
            && bytes[start] == (byte) 0xEF
            && bytes[start + 1] == (byte) 0xBB
            && bytes[start + 2] == (byte) 0xBF;
    return bom ? start + 3 : start;
  }

  private static int indexOfColon(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] == ':') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isField(byte[] bytes, int start, int end, byte[] name) {
    if (end - start != name.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (bytes[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes UTF-8, replacing malformed sequences with U+FFFD as the SSE specification requires. */
  private static String decode(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }
}
