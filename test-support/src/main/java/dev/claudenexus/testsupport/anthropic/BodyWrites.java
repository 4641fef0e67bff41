package dev.claudenexus.testsupport.anthropic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a script into {@link BodyWrite}s, to test how a client reassembles events cut at any byte.
 *
 * <p>In every split the first write is sent at once and each later write waits {@code delay}, so
 * {@code delay} is the pause between writes. Joining the writes' bytes gives the script back.
 */
public final class BodyWrites {

  private BodyWrites() {
  }

  /** Returns the whole script as one write. */
  public static List<BodyWrite> whole(byte[] script) {
    return List.of(BodyWrite.of(script));
  }

  /** Splits the script before each of the given byte offsets, which must increase and lie inside the script. */
  public static List<BodyWrite> splitAt(byte[] script, Duration delay, int... offsets) {
    List<BodyWrite> writes = new ArrayList<>();
    int start = 0;
    for (int offset : offsets) {
      if (offset <= start || offset >= script.length) {
        throw new IllegalArgumentException("Split offsets must increase and lie inside the " + script.length
            + "-byte script: " + Arrays.toString(offsets));
      }
      writes.add(piece(script, start, offset, writes.isEmpty() ? Duration.ZERO : delay));
      start = offset;
    }
    writes.add(piece(script, start, script.length, writes.isEmpty() ? Duration.ZERO : delay));
    return List.copyOf(writes);
  }

  /** Splits the script into writes of one byte each. */
  public static List<BodyWrite> bytewise(byte[] script, Duration delay) {
    return pieces(script, 1, delay);
  }

  /** Splits the script into writes of {@code size} bytes, except that the last write may be shorter. */
  public static List<BodyWrite> pieces(byte[] script, int size, Duration delay) {
    if (size < 1) {
      throw new IllegalArgumentException("Piece size must be at least 1 byte: " + size);
    }
    List<BodyWrite> writes = new ArrayList<>();
    for (int start = 0; start < script.length; start += size) {
      int end = Math.min(script.length, start + size);
      writes.add(piece(script, start, end, start == 0 ? Duration.ZERO : delay));
    }
    return List.copyOf(writes);
  }

  /** Splits the script after each blank line, so each write contains one whole server-sent event. */
  public static List<BodyWrite> perEvent(byte[] script, Duration delay) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 1; i < script.length - 1; i++) {
      if (script[i] == '\n' && script[i - 1] == '\n') {
        ends.add(i + 1);
      }
    }
    return splitAt(script, delay, ends.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Returns the bytes of all writes joined in order. */
  public static byte[] join(List<BodyWrite> writes) {
    List<byte[]> pieces = new ArrayList<>(writes.size());
    writes.forEach(write -> pieces.add(write.bytes()));
    return Bytes.concat(pieces);
  }

  private static BodyWrite piece(byte[] script, int start, int end, Duration delay) {
    return new BodyWrite(Arrays.copyOfRange(script, start, end), delay);
  }
}
