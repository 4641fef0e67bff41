package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.classification.RequestClassifier;

/**
 * Decides {@link RequestClassifier#isQuotaText} for a message text that arrives in pieces, reading
 * JSON strings straight from the request body. It stops reading a string at the first character
 * that rules the text out, so a long prompt costs a few bytes instead of being decoded into a
 * {@code String}.
 *
 * <p>The rule is: the text, trimmed of characters up to U+0020 as {@link String#trim} trims, equals
 * "quota" ignoring case. No character outside ASCII equals a letter of "quota" ignoring case (the
 * tests check every one), so any other character rules the text out.
 */
final class QuotaTextMatcher {

  private static final String WORD = "quota";
  private static final int RULED_OUT = -1;

  /** Letters of {@link #WORD} matched so far, or {@link #RULED_OUT}. */
  private int matched;

  /** Returns whether the text fed so far is "quota" by the classifier's rule. */
  boolean matches() {
    return matched == WORD.length();
  }

  /** Returns whether no further text can make {@link #matches} true. */
  boolean ruledOut() {
    return matched == RULED_OUT;
  }

  /** Feeds one character of the text. */
  void accept(char c) {
    if (matched == RULED_OUT) {
      return;
    }
    boolean whitespace = c <= ' ';
    if (matched == 0 && whitespace || matched == WORD.length() && whitespace) {
      return;
    }
    if (matched < WORD.length() && c < 0x80 && Character.toLowerCase(c) == WORD.charAt(matched)) {
      matched++;
    } else {
      matched = RULED_OUT;
    }
  }

  /** Feeds every character of {@code text}. */
  void accept(String text) {
    for (int i = 0; i < text.length() && matched != RULED_OUT; i++) {
      accept(text.charAt(i));
    }
  }

  /**
   * Feeds the characters of the JSON string that starts with the quote at {@code quote}, decoding
   * escapes, until its closing quote or until the text is ruled out. The caller's parser checks that
   * the string is valid JSON; on text that is not, this method stops without reading past the array.
   */
  void acceptJsonString(byte[] json, int quote) {
    int i = quote + 1;
    while (i < json.length && matched != RULED_OUT) {
      int b = json[i] & 0xFF;
      if (b == '"') {
        return;
      }
      if (b != '\\') {
        // A byte of a multi-byte UTF-8 sequence is at least 0x80, so it rules the text out.
        accept((char) b);
        i++;
        continue;
      }
      if (i + 1 >= json.length) {
        return;
      }
      char escaped = (char) json[i + 1];
      switch (escaped) {
        case 'b' -> accept('\b');
        case 'f' -> accept('\f');
        case 'n' -> accept('\n');
        case 'r' -> accept('\r');
        case 't' -> accept('\t');
        case 'u' -> {
          int code = hex4(json, i + 2);
          if (code < 0) {
            matched = RULED_OUT;
            return;
          }
          accept((char) code);
          i += 4;
        }
        // The other valid escapes stand for '"', '\' and '/', which are neither whitespace nor
        // a letter of the word.
        default -> matched = RULED_OUT;
      }
      i += 2;
    }
  }

  private static int hex4(byte[] json, int start) {
    if (start + 4 > json.length) {
      return -1;
    }
    int code = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }
}
