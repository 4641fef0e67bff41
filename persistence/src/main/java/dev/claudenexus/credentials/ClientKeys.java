package dev.claudenexus.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Client keys: generation, constant-time comparison, and the salted hash stored per request. */
public final class ClientKeys {

  /** Prefix of generated client keys, as in the original product. */
  public static final String PREFIX = "cnp_live_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientKeys() {}

  /** Returns a new client key: the prefix and 32 random bytes in hex. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + HexFormat.of().formatHex(bytes);
  }

  /**
   * Compares a presented key with the configured one in time that does not depend on where they
   * differ: both are hashed first, so their lengths leak nothing either.
   */
  public static boolean matches(String presented, String expected) {
    if (presented == null || expected == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  /** Returns the salted SHA-256 hex of a key, as stored in {@code api_requests.api_key_hash}. */
  public static String saltedHash(String salt, String key) {
    return HexFormat.of().formatHex(sha256(salt + key));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
