package dev.claudenexus.launcher;

import dev.claudenexus.config.DotEnvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings from the {@code .env} file of the working directory, overridden by real variables. */
final class Environment {

  private final Map<String, String> values;

  Environment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads {@code .env} from {@code workingDirectory} and overlays the process environment. */
  static Environment load(Path workingDirectory, Map<String, String> processEnvironment)
      throws IOException {
    Map<String, String> merged = new HashMap<>(DotEnvFile.read(workingDirectory.resolve(".env")));
    merged.putAll(processEnvironment);
    return new Environment(merged);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  String get(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /**
   * Returns an integer setting.
   *
   * @throws IllegalArgumentException naming the variable when the value is not an integer in range
   */
  int integer(String name, int defaultValue, int min, int max) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      // Read as a long, so that a value beyond the int range is reported as out of range.
      long value = Long.parseLong(text.get());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + "=" + value + " is out of range; use a value from " + min + " to " + max);
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + text.get() + " is not a whole number");
    }
  }

  /**
   * Returns a boolean setting: {@code true} or {@code 1}, {@code false} or {@code 0}, in any case.
   * Other words are rejected rather than read as false: MicroProfile Config reads {@code yes} as true
   * where the original product read it as false, and a misspelt {@code ENABLE_CLIENT_AUTH} must not
   * turn client authentication off.
   *
   * @throws IllegalArgumentException naming the variable when the value is not one of these
   */
  boolean bool(String name, boolean defaultValue) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    if (!values.get(name).equals(text.get())) {
      // NOTE: unverified whether Payara trims environment values. Untrimmed, MicroProfile Config
      // would read "true " as false.
      throw new IllegalArgumentException(
          name + "=\"" + values.get(name) + "\" has spaces around it; remove them");
    }
    switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1":
        return true;
      case "false", "0":
        return false;
      default:
        throw new IllegalArgumentException(
            name + "=" + text.get() + " is not a boolean; use true or false");
    }
  }
}
