package dev.claudenexus.testsupport.anthropic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal JSON text helpers, enough to echo fields of a request without a JSON library.
 *
 * <p>NOTE: the field lookups scan the raw text and take the first match at any depth, so a nested
 * object with a {@code "model"} or {@code "stream"} key before the top-level one would win. Requests
 * built by the Anthropic SDKs put these keys at the top level.
 */
final class Json {

  private static final Pattern STREAM_TRUE = Pattern.compile("\"stream\"\\s*:\\s*true\\b");

  private Json() {
  }

  /** Returns whether the text contains a {@code "stream": true} member, with any whitespace around the colon. */
  static boolean streamRequested(String json) {
    return STREAM_TRUE.matcher(json).find();
  }

  /** Returns the raw, still escaped value of the first string member with this name, or {@code null}. */
  static String rawStringMember(String json, String name) {
    // The value is scanned by hand, because a regex alternation repeated over a long string can overflow the stack.
    Matcher key = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"").matcher(json);
    if (!key.find()) {
      return null;
    }
    for (int i = key.end(); i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return json.substring(key.end(), i);
      }
    }
    return null;
  }

  /** Returns the unescaped value of the first string member with this name, or {@code null}. */
  static String stringMember(String json, String name) {
    String raw = rawStringMember(json, name);
    return raw == null ? null : unescape(raw);
  }

  /** Decodes the escape sequences of a JSON string body and keeps an invalid sequence as written. */
  static String unescape(String raw) {
    StringBuilder text = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 == raw.length()) {
        text.append(c);
        i++;
      } else {
        i = appendEscape(raw, i, text);
      }
    }
    return text.toString();
  }

  /** Escapes text for use inside a JSON string literal. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> appendPlain(escaped, c);
      }
    }
    return escaped.toString();
  }

  /** Appends the character of the escape sequence at {@code start} and returns the index after it. */
  private static int appendEscape(String raw, int start, StringBuilder text) {
    char kind = raw.charAt(start + 1);
    switch (kind) {
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case 'b' -> text.append('\b');
      case 'f' -> text.append('\f');
      case 'u' -> {
        return appendUnicodeEscape(raw, start, text);
      }
      default -> text.append(kind);
    }
    return start + 2;
  }

  private static int appendUnicodeEscape(String raw, int start, StringBuilder text) {
    int end = start + 6;
    if (end > raw.length()) {
      text.append(raw, start, raw.length());
      return raw.length();
    }
    try {
      text.append((char) Integer.parseInt(raw.substring(start + 2, end), 16));
    } catch (NumberFormatException e) {
      text.append(raw, start, end);
    }
    return end;
  }

  private static void appendPlain(StringBuilder escaped, char c) {
    if (c < 0x20) {
      escaped.append(String.format("\\u%04x", (int) c));
    } else {
      escaped.append(c);
    }
  }
}
