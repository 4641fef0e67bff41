package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.StringJoiner;

/**
 * Text rules shared by hashing and linking. They follow JavaScript semantics because the hashes must
 * equal those of the original TypeScript proxy: "whitespace" is the set that JavaScript's
 * {@code String.prototype.trim} and regular expression {@code \s} use, which differs from both
 * {@link String#trim()} and {@link Character#isWhitespace(char)}.
 */
public final class ConversationText {

  private static final String REMINDER_OPEN = "<system-reminder>";
  private static final String REMINDER_CLOSE = "</system-reminder>";

  private ConversationText() {
  }

  /**
   * Returns whether a UTF-16 code unit is JavaScript whitespace: tab, line feed, vertical tab, form
   * feed, carriage return, space, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F,
   * U+3000 or U+FEFF.
   */
  public static boolean isJsWhitespace(char c) {
    switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
          '\u205F', '\u3000', '\uFEFF':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200A';
    }
  }

  /** Removes leading and trailing JavaScript whitespace, as {@code String.prototype.trim} does. */
  public static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Removes every {@code <system-reminder>...</system-reminder>} block together with the JavaScript
   * whitespace right before it. Tags match without regard to ASCII case, and a block ends at the
   * first closing tag after its opening tag. An opening tag without a closing tag is kept.
   * The scan is linear, so long whitespace runs cannot make it quadratic as a backtracking regular
   * expression would.
   */
  public static String stripReminders(String s) {
    StringBuilder out = null;
    int copied = 0;
    while (true) {
      int open = indexOfIgnoreAsciiCase(s, REMINDER_OPEN, copied);
      int close = open < 0 ? -1 : indexOfIgnoreAsciiCase(s, REMINDER_CLOSE, open + REMINDER_OPEN.length());
      if (close < 0) {
        break;
      }
      int start = open;
      while (start > copied && isJsWhitespace(s.charAt(start - 1))) {
        start--;
      }
      out = out == null ? new StringBuilder(s.length()) : out;
      out.append(s, copied, start);
      copied = close + REMINDER_CLOSE.length();
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /**
   * Returns the system prompt as one text: a string as it is, an array as the {@code text} of each
   * element joined with a newline (an element without text adds an empty string, as JavaScript's
   * {@code Array.prototype.join} does), and null for anything else.
   */
  public static String joinedSystemText(JsonValue system) {
    if (system instanceof JsonString text) {
      return text.getString();
    }
    if (!(system instanceof JsonArray blocks)) {
      return null;
    }
    StringJoiner joined = new StringJoiner("\n");
    for (JsonValue block : blocks) {
      JsonValue text = block instanceof JsonObject object ? object.get("text") : null;
      joined.add(text == null || text.getValueType() == JsonValue.ValueType.NULL ? "" : JsValues.toJsString(text));
    }
    return joined.toString();
  }

  /** Replaces each CR LF pair with LF in one left-to-right pass, so CR CR LF becomes CR LF. */
  static String crlfToLf(String s) {
    return s.replace("\r\n", "\n");
  }

  private static int indexOfIgnoreAsciiCase(String s, String lowerCaseTag, int from) {
    int last = s.length() - lowerCaseTag.length();
    for (int i = s.indexOf('<', from); i >= 0 && i <= last; i = s.indexOf('<', i + 1)) {
      if (regionMatchesIgnoreAsciiCase(s, i, lowerCaseTag)) {
        return i;
      }
    }
    return -1;
  }

  // String.regionMatches(true, ...) would also match non-ASCII letters such as U+017F (long s)
  // against "s", which JavaScript's case-insensitive matching of an ASCII pattern does not.
  private static boolean regionMatchesIgnoreAsciiCase(String s, int offset, String lowerCaseTag) {
    for (int j = 0; j < lowerCaseTag.length(); j++) {
      char c = s.charAt(offset + j);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != lowerCaseTag.charAt(j)) {
        return false;
      }
    }
    return true;
  }
}
