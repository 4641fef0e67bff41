package dev.claudenexus.proxy.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of token pairs stored in the database. The text form is Base64 of a 12-byte
 * random nonce followed by the ciphertext and its 16-byte tag. The domain is bound as associated data,
 * so a row copied to another domain does not decrypt.
 */
final class TokenCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private TokenCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * Creates a cipher from a Base64 key of 32 bytes.
   *
   * @throws IllegalArgumentException naming the setting when the key is not 32 bytes of Base64
   */
  static TokenCipher fromBase64(String settingName, String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(settingName + " is not valid Base64; generate one with"
          + " `openssl rand -base64 32`");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(settingName + " must be 32 bytes (Base64 of 32 random bytes),"
          + " not " + key.length + "; generate one with `openssl rand -base64 32`");
    }
    return new TokenCipher(key);
  }

  String encrypt(String domain, String plaintext) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
        .put(nonce).put(sealed).array());
  }

  String decrypt(String domain, String text) throws GeneralSecurityException {
    byte[] bytes = Base64.getDecoder().decode(text);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
    cipher.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
    return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
  }
}
