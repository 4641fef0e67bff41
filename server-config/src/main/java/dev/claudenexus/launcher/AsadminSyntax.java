package dev.claudenexus.launcher;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Quoting for asadmin command files. In a {@code --property} list, pairs are separated by {@code :}, so
 * a value's {@code :}, {@code =} and {@code \} are escaped with a backslash; an argument with spaces
 * or quotes is wrapped in double quotes.
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

  private static String quote(String argument) {
    if (argument.isEmpty() || argument.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\t')) {
      return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return argument;
  }
}
