package dev.claudenexus.launcher;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Quoting for Payara Micro's pre-boot and post-boot command files, which Payara Micro 6.2025.10 reads
 * in two steps (checked by booting it with such files). First it splits each line into arguments.
 * Double quotes group an argument with spaces, and a backslash escapes a quote character ({@code \"}
 * or {@code \'}) but is kept before any other character. Then it splits a {@code --property} list at
 * unescaped {@code :} and {@code =}, where a backslash escapes {@code :}, {@code =} and {@code \}.
 *
 * <p>NOTE: Payara expands {@code ${...}} expressions in post-boot commands before splitting them, and
 * this class does not escape them, so a value containing {@code ${} does not arrive unchanged.
 */
final class AsadminSyntax {

  private AsadminSyntax() {}

  static String properties(Map<String, String> properties) {
    return properties.entrySet().stream()
        .map(e -> e.getKey() + "=" + (e.getValue().equals(DatabaseSettings.EMPTY_PASSWORD)
            ? e.getValue() : escapeValue(e.getValue())))
        .collect(Collectors.joining(":"));
  }

  static String command(List<String> arguments) {
    return arguments.stream().map(AsadminSyntax::quote).collect(Collectors.joining(" "));
  }

  /**
   * Returns one line of an {@code asadmin multimode} command file. Unlike Payara Micro's command
   * files, asadmin's tokenizer takes every backslash as an escape, so backslashes are doubled and
   * quote characters escaped, and an argument with whitespace is wrapped in double quotes (checked
   * with Payara Server 6.2025.10).
   *
   * @throws IllegalArgumentException when an argument contains a line break, which would end the
   *     command
   */
  static String multimodeCommand(List<String> arguments) {
    return arguments.stream().map(AsadminSyntax::quoteForMultimode).collect(Collectors.joining(" "));
  }

  private static String quoteForMultimode(String argument) {
    rejectLineBreak(argument);
    String escaped = argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\'");
    boolean needsQuotes = argument.isEmpty() || argument.chars().anyMatch(Character::isWhitespace);
    return needsQuotes ? "\"" + escaped + "\"" : escaped;
  }

  private static void rejectLineBreak(String argument) {
    if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("An asadmin argument cannot contain a line break");
    }
  }

  static String escapeValue(String value) {
    StringBuilder escaped = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == ':' || c == '=') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /**
   * Escapes quote characters and wraps an argument with whitespace or quotes in double quotes.
   * Backslashes are not doubled, because the argument splitter keeps them as they are.
   *
   * @throws IllegalArgumentException when the argument contains a line break, which would end the
   *     command
   */
  private static String quote(String argument) {
    rejectLineBreak(argument);
    String escaped = argument.replace("\"", "\\\"").replace("'", "\\'");
    boolean needsQuotes =
        argument.isEmpty()
            || argument.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'');
    if (needsQuotes) {
      return "\"" + escaped + "\"";
    }
    return escaped;
  }
}
