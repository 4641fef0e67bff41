package dev.claudenexus.testsupport.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Compresses body writes into gzip pieces that a client can decompress as each one arrives. */
final class GzipPieces {

  private GzipPieces() {
  }

  /**
   * Returns one compressed piece per write, then the gzip trailer as one more piece.
   *
   * <p>Each piece is the compressor output after a SYNC_FLUSH, so it ends on a byte boundary with all
   * input of its write decodable. The first piece also contains the gzip header.
   */
  static List<byte[]> compress(List<BodyWrite> writes) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    List<byte[]> pieces = new ArrayList<>(writes.size() + 1);
    try (GZIPOutputStream gzip = new GZIPOutputStream(sink, true)) {
      for (BodyWrite write : writes) {
        gzip.write(write.bytes());
        gzip.flush();
        pieces.add(drain(sink));
      }
      gzip.finish();
      pieces.add(drain(sink));
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return pieces;
  }

  private static byte[] drain(ByteArrayOutputStream sink) {
    byte[] bytes = sink.toByteArray();
    sink.reset();
    return bytes;
  }
}
