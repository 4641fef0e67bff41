package dev.claudenexus.proxy.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last user content seen per domain, kept as a SHA-256 digest for at most {@code maxDomains}
 * domains. When a new domain would exceed the limit, the domain that was added first is forgotten.
 */
final class ContentMemory {

  private final Map<String, byte[]> lastDigest;

  ContentMemory(int maxDomains) {
    this.lastDigest = new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
        return size() > maxDomains;
      }
    };
  }

  /** Stores the content as the domain's last one and returns whether it differs from the previous. */
  synchronized boolean replace(String domain, String content) {
    byte[] digest = sha256(content);
    byte[] previous = lastDigest.put(domain, digest);
    return previous == null || !Arrays.equals(previous, digest);
  }

  synchronized int size() {
    return lastDigest.size();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
