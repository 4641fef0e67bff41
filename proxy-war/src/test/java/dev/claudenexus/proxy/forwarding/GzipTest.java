package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

  private static final String EVENTS = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n".repeat(2000);

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void wholeStreamIsDecompressed() throws IOException {
    byte[] data = EVENTS.getBytes(StandardCharsets.UTF_8);

    assertArrayEquals(data, Gzip.decompress(gzip(data)));
  }

  @Test
  void emptyStreamGivesNoBytes() throws IOException {
    assertEquals(0, Gzip.decompress(gzip(new byte[0])).length);
  }

  @Test
  void truncatedStreamKeepsPrefix() throws IOException {
    byte[] data = EVENTS.getBytes(StandardCharsets.UTF_8);
    byte[] compressed = gzip(data);

    byte[] result = Gzip.decompress(Arrays.copyOf(compressed, compressed.length / 2));

    assertTrue(result.length > 0, "nothing was decompressed");
    assertTrue(result.length < data.length, "more than the cut stream holds");
    assertArrayEquals(Arrays.copyOf(data, result.length), result);
  }

  @Test
  void streamWithoutTrailerIsComplete() throws IOException {
    byte[] data = EVENTS.getBytes(StandardCharsets.UTF_8);
    byte[] compressed = gzip(data);

    byte[] result = Gzip.decompress(Arrays.copyOf(compressed, compressed.length - 8));

    assertArrayEquals(data, result);
  }

  @Test
  void headerOnlyGivesNoBytes() throws IOException {
    byte[] compressed = gzip(EVENTS.getBytes(StandardCharsets.UTF_8));

    assertEquals(0, Gzip.decompress(Arrays.copyOf(compressed, 10)).length);
  }

  @Test
  void garbageGivesNoBytes() {
    assertEquals(0, Gzip.decompress("not gzip at all".getBytes(StandardCharsets.UTF_8)).length);
  }

  @Test
  void emptyInputGivesNoBytes() {
    assertEquals(0, Gzip.decompress(new byte[0]).length);
  }

  @Test
  void corruptedBodyDoesNotThrow() throws IOException {
    byte[] compressed = gzip(EVENTS.getBytes(StandardCharsets.UTF_8));
    for (int i = compressed.length / 2; i < compressed.length; i++) {
      compressed[i] = (byte) 0xFF;
    }

    // Corrupt deflate data can decode to some wrong bytes before the error is detected, so only the
    // absence of an exception is checked.
    assertDoesNotThrow(() -> Gzip.decompress(compressed));
  }
}
