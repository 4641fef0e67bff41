package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.classification.RequestClassifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaTextMatcherTest {

  /** The matcher rules out every character above ASCII, which is right only if none can match. */
  @Test
  void nonAsciiNeverMatchesAWordLetter() {
    for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
      String single = String.valueOf((char) c);
      for (char letter : "quota".toCharArray()) {
        assertFalse(single.equalsIgnoreCase(String.valueOf(letter)),
            () -> "U+" + Integer.toHexString(single.charAt(0)) + " matches " + letter);
      }
    }
  }

  @Test
  void everyCharacterAgreesWithTheClassifier() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      for (String text : new String[] {String.valueOf(ch), "quota" + ch, ch + "quota", "quo" + ch + "ta",
          "quot" + ch}) {
        QuotaTextMatcher matcher = new QuotaTextMatcher();
        matcher.accept(text);
        assertEquals(RequestClassifier.isQuotaText(text), matcher.matches(), text);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "quota", "QUOTA", " Quota\\n", "\\u0071uota", "\\t\\n\\r\\b\\fquota\\u0000", "quota\\u0020\\u001f",
      "quot", "quotas", "q uota", "\\\"quota", "quota\\/", "\\\\quota", "\\u00e9quota", "quota\\u0100",
      "", "   ", "\\ud800", "quota\\u00", "quota\\u00g0", "quota\\x", "é",
  })
  void jsonStringAgreesWithTheDecodedText(String escaped) {
    byte[] json = ("\"" + escaped + "\"").getBytes(StandardCharsets.UTF_8);
    String decoded = decodeOrNull(escaped);
    QuotaTextMatcher matcher = new QuotaTextMatcher();

    matcher.acceptJsonString(json, 0);

    assertEquals(decoded != null && RequestClassifier.isQuotaText(decoded), matcher.matches(), escaped);
  }

  @Test
  void unterminatedStringStopsAtArrayEnd() {
    for (String text : new String[] {"\"quota", "\"quota\\", "\"quota\\u00", "\"  ", "\"\\u12"}) {
      QuotaTextMatcher matcher = new QuotaTextMatcher();
      assertDoesNotThrow(() -> matcher.acceptJsonString(text.getBytes(StandardCharsets.UTF_8), 0), text);
    }
  }

  @Test
  void piecesAreOneText() {
    QuotaTextMatcher matcher = new QuotaTextMatcher();
    matcher.accept("  qu");
    matcher.acceptJsonString("\"OTA\"".getBytes(StandardCharsets.UTF_8), 0);
    matcher.accept('\n');

    assertTrue(matcher.matches());
  }

  /** Decodes a JSON string body with the JSON-P parser, or returns null when it is not valid. */
  private static String decodeOrNull(String escaped) {
    try {
      return dev.claudenexus.json.JsonProviders.JSON
          .createReader(new java.io.StringReader("[\"" + escaped + "\"]")).readArray().getString(0);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
