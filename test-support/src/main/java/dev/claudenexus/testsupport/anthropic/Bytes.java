package dev.claudenexus.testsupport.anthropic;

import java.util.List;

/** Byte array helpers shared by the scripts and the reply writer. */
final class Bytes {

  private Bytes() {
  }

  static byte[] concat(List<byte[]> pieces) {
    int total = 0;
    for (byte[] piece : pieces) {
      total = Math.addExact(total, piece.length);
    }
    byte[] joined = new byte[total];
    int offset = 0;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, joined, offset, piece.length);
      offset += piece.length;
    }
    return joined;
  }
}
