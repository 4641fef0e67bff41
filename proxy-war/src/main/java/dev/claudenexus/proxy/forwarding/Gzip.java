package dev.claudenexus.proxy.forwarding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Decompresses the recorder's copy of a gzip response, keeping what a cut stream delivered. */
final class Gzip {

  private static final int MAX_BYTES = 256 * 1024 * 1024;

  private Gzip() {}

  static byte[] decompress(byte[] compressed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0 && out.size() < MAX_BYTES) {
        out.write(buffer, 0, read);
      }
    } catch (EOFException cut) {
      // A cut stream still yields the events decompressed so far.
    } catch (IOException e) {
      return out.size() > 0 ? out.toByteArray() : new byte[0];
    }
    return out.toByteArray();
  }
}
