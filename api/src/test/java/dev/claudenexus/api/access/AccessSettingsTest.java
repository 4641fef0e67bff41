package dev.claudenexus.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

  private static AccessSettings withKey(Optional<String> key) {
    return new AccessSettings(key, Set.of(), AccessSettings.DEFAULT_READ_REQUESTS_PER_MINUTE, Set.of(),
        AccessSettings.DEFAULT_KEY_FAILURES_PER_MINUTE, false);
  }

  @Test
  void shortKeyWarnsWithoutTheKey() {
    String key = "k".repeat(AccessSettings.MIN_KEY_CHARS - 1);

    Optional<String> warning = withKey(Optional.of(key)).shortKeyWarning();

    assertTrue(warning.isPresent());
    assertTrue(warning.get().contains("15 characters"), warning.get());
    assertFalse(warning.get().contains(key), warning.get());
  }

  @Test
  void longEnoughKeyHasNoWarning() {
    String key = "k".repeat(AccessSettings.MIN_KEY_CHARS);

    assertEquals(Optional.empty(), withKey(Optional.of(key)).shortKeyWarning());
  }

  @Test
  void missingKeyHasNoShortKeyWarning() {
    assertEquals(Optional.empty(), withKey(Optional.empty()).shortKeyWarning());
  }
}
