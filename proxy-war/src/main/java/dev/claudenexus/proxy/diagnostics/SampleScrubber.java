package dev.claudenexus.proxy.diagnostics;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.masking.SecretMasker;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from sample text: keys and tokens as {@link SecretMasker} masks
 * them, e-mail addresses as {@value #EMAIL}, 16-digit card numbers (optionally grouped by spaces or
 * hyphens) as {@value #CARD}, and US social security numbers ({@code 123-45-6789}) as {@value #SSN}.
 * Each pass is linear in the text length, so multi-megabyte image data is safe to scrub.
 */
final class SampleScrubber {

  static final String EMAIL = "[EMAIL]";
  static final String CARD = "[CARD]";
  static final String SSN = "[SSN]";

  private static final Pattern CARD_NUMBER = Pattern.compile("\\b\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{4}\\b");
  private static final Pattern SSN_NUMBER = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 255;

  private SampleScrubber() {}

  /** Returns the text scrubbed; null stays null. */
  static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String scrubbed = emails(SecretMasker.mask(text));
    scrubbed = CARD_NUMBER.matcher(scrubbed).replaceAll(CARD);
    return SSN_NUMBER.matcher(scrubbed).replaceAll(SSN);
  }

  /** Returns a copy of the JSON value with every string (member names excluded) scrubbed. */
  static JsonValue scrub(JsonValue value) {
    if (value instanceof JsonString text) {
      return JSON.createValue(scrub(text.getString()));
    }
    if (value instanceof JsonObject object) {
      JsonObjectBuilder copy = JSON.createObjectBuilder();
      object.forEach((name, member) -> copy.add(name, scrub(member)));
      return copy.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder copy = JSON.createArrayBuilder();
      array.forEach(element -> copy.add(scrub(element)));
      return copy.build();
    }
    return value;
  }

  /**
   * Replaces e-mail addresses. It scans outwards from each {@code @} with bounded lengths instead of
   * using a regular expression, which would backtrack quadratically over long runs of letters.
   */
  static String emails(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (at >= 0) {
      int start = at;
      while (start > copied && at - start < MAX_LOCAL_PART && isLocalPartChar(text.charAt(start - 1))) {
        start--;
      }
      int end = domainEnd(text, at);
      if (start < at && hasTopLevelDomain(text, at, end)) {
        out.append(text, copied, start).append(EMAIL);
        copied = end;
        at = text.indexOf('@', end);
      } else {
        at = text.indexOf('@', at + 1);
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static int domainEnd(String text, int at) {
    int end = at + 1;
    while (end < text.length() && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
      end++;
    }
    while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    return end;
  }

  /** Returns whether the domain between {@code at} and {@code end} ends in a dot and two or more letters. */
  private static boolean hasTopLevelDomain(String text, int at, int end) {
    int dot = text.lastIndexOf('.', end - 1);
    if (dot <= at + 1 || end - dot - 1 < 2) {
      return false;
    }
    for (int i = dot + 1; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocalPartChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0);
  }

  private static boolean isDomainChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }
}
