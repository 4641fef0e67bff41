package dev.claudenexus.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

  private static final String HEX_64 = "[0-9a-f]{64}";

  @Test
  void generatedKeyHasPrefixAndHex() {
    String key = ClientKeys.generate();

    assertTrue(key.startsWith("cnp_live_"), key);
    assertTrue(key.substring("cnp_live_".length()).matches(HEX_64), key);
  }

  @Test
  void prefixConstantIsCnpLive() {
    assertEquals("cnp_live_", ClientKeys.PREFIX);
  }

  @Test
  void generatedKeysAreUnique() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(ClientKeys.generate());
    }

    assertEquals(1000, keys.size());
  }

  @Test
  void equalKeysMatch() {
    String key = ClientKeys.generate();

    assertTrue(ClientKeys.matches(new String(key.toCharArray()), key));
  }

  @Test
  void differentKeysDoNotMatch() {
    assertFalse(ClientKeys.matches(ClientKeys.generate(), ClientKeys.generate()));
  }

  @Test
  void prefixOfKeyDoesNotMatch() {
    String key = ClientKeys.generate();

    assertFalse(ClientKeys.matches(key.substring(0, key.length() - 1), key));
  }

  @Test
  void caseDifferenceDoesNotMatch() {
    assertFalse(ClientKeys.matches("cnp_live_ABC", "cnp_live_abc"));
  }

  @Test
  void nullPresentedKeyDoesNotMatch() {
    assertFalse(ClientKeys.matches(null, "cnp_live_abc"));
  }

  @Test
  void nullExpectedKeyDoesNotMatch() {
    assertFalse(ClientKeys.matches("cnp_live_abc", null));
  }

  @Test
  void bothNullDoNotMatch() {
    assertFalse(ClientKeys.matches(null, null));
  }

  @Test
  void emptyExpectedKeyMatchesNothing() {
    assertFalse(ClientKeys.matches("", ""));
  }

  @Test
  void emptyPresentedKeyDoesNotMatch() {
    assertFalse(ClientKeys.matches("", "cnp_live_abc"));
  }

  @Test
  void saltedHashIs64Hex() {
    assertTrue(ClientKeys.saltedHash("salt", "cnp_live_abc").matches(HEX_64));
  }

  @Test
  void saltedHashIsStable() {
    assertEquals(ClientKeys.saltedHash("salt", "key"), ClientKeys.saltedHash("salt", "key"));
  }

  @Test
  void saltedHashIsSha256OfSaltAndKey() {
    // SHA-256 of the ASCII text "abc", from FIPS 180-2 appendix B.1.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ClientKeys.saltedHash("a", "bc"));
  }

  @Test
  void saltedHashDependsOnSalt() {
    assertNotEquals(ClientKeys.saltedHash("salt-1", "key"), ClientKeys.saltedHash("salt-2", "key"));
  }

  @Test
  void saltedHashDependsOnKey() {
    assertNotEquals(ClientKeys.saltedHash("salt", "key-1"), ClientKeys.saltedHash("salt", "key-2"));
  }
}
