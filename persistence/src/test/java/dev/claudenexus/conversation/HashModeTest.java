package dev.claudenexus.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashModeTest {

  @Test
  void parseIgnoresCaseAndWhitespace() {
    assertEquals(HashMode.ORIGINAL, HashMode.parse(" Original\n"));
    assertEquals(HashMode.CURRENT, HashMode.parse("CURRENT"));
  }

  @Test
  void labelsAreStoredNames() {
    assertEquals("original", HashMode.ORIGINAL.label());
    assertEquals("current", HashMode.CURRENT.label());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "legacy", "current2"})
  void parseRejectsUnknownValue(String value) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HashMode.parse(value));

    assertTrue(error.getMessage().contains("CONVERSATION_HASH_MODE"), error.getMessage());
    assertTrue(error.getMessage().contains("'original' or 'current'"), error.getMessage());
  }

  @Test
  void parseRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> HashMode.parse(null));
  }
}
