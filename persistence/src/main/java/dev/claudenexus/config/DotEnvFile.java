package dev.claudenexus.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parser of {@code .env} files in the form the original product and common tools accept.
 *
 * <p>Each line is {@code KEY=value} with an optional leading {@code export}. Values may be wrapped in
 * single quotes (taken literally) or double quotes (with {@code \n}, {@code \"} and {@code \\} escapes),
 * and a comment may follow the closing quote. An unquoted value ends at a {@code #} that follows
 * whitespace. Blank lines, comments and lines without a valid key are skipped.
 */
public final class DotEnvFile {

  /** Largest file read, so a wrong path (a log, a disk image) cannot exhaust memory. */
  static final long MAX_BYTES = 1024 * 1024;

  private DotEnvFile() {}

  /**
   * Reads the variables of a {@code .env} file.
   *
   * @return the variables in file order, or an empty map when the file does not exist
   * @throws IOException when the file exists but cannot be read or exceeds {@link #MAX_BYTES}
   */
  public static Map<String, String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(
          "The .env file " + file + " is larger than " + MAX_BYTES + " bytes; check the path");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses the text of a {@code .env} file; invalid lines are skipped. */
  public static Map<String, String> parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String rawLine : text.split("\r\n|\n|\r")) {
      String line = rawLine.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String key = line.substring(0, equals).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        continue;
      }
      values.put(key, parseValue(line.substring(equals + 1)));
    }
    return values;
  }

  private static String parseValue(String rawValue) {
    String value = rawValue.strip();
    if (value.startsWith("'") || value.startsWith("\"")) {
      String quoted = quotedValue(value);
      if (quoted != null) {
        return quoted;
      }
    }
    return withoutComment(rawValue).strip();
  }

  /**
   * Returns the content of a value in quotes, or {@code null} when the value is not one quoted
   * string. Text after the closing quote may only be a comment. A value such as {@code 'it's'} that
   * starts and ends with the same quote but contains it as well is taken whole, as before comments
   * after quotes were allowed.
   */
  private static String quotedValue(String value) {
    char quote = value.charAt(0);
    int close = closingQuote(value, quote);
    if (close > 0) {
      String rest = value.substring(close + 1).strip();
      if (rest.isEmpty() || rest.startsWith("#")) {
        String content = value.substring(1, close);
        return quote == '"' ? unescape(content) : content;
      }
    }
    if (value.length() >= 2 && value.charAt(value.length() - 1) == quote) {
      String content = value.substring(1, value.length() - 1);
      return quote == '"' ? unescape(content) : content;
    }
    return null;
  }

  /** Returns the index of the quote that closes the value, skipping escapes in double quotes. */
  private static int closingQuote(String value, char quote) {
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  /** Cuts an unquoted value at the first {@code #} that follows whitespace. */
  private static String withoutComment(String rawValue) {
    for (int i = 1; i < rawValue.length(); i++) {
      if (rawValue.charAt(i) == '#' && Character.isWhitespace(rawValue.charAt(i - 1))) {
        return rawValue.substring(0, i);
      }
    }
    return rawValue;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
