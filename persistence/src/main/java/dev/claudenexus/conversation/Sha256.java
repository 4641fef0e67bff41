package dev.claudenexus.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the UTF-8 bytes of text, with each lone surrogate encoded as U+FFFD (EF BF BD), as
 * Node.js encodes strings. {@link String#getBytes} would write {@code ?} instead.
 */
final class Sha256 {

  private Sha256() {
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  static String hex(String text) {
    MessageDigest digest = newDigest();
    update(digest, text);
    return hex(digest);
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  static void update(MessageDigest digest, String text) {
    digest.update(wellFormed(text).getBytes(StandardCharsets.UTF_8));
  }

  private static String wellFormed(String text) {
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i)) && JsJson.isLoneSurrogate(text, i)) {
        fixed = fixed == null ? new StringBuilder(text) : fixed;
        fixed.setCharAt(i, '\uFFFD');
      }
    }
    return fixed == null ? text : fixed.toString();
  }
}
