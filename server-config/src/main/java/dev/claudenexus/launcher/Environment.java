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
      int value = Integer.parseInt(text.get());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + "=" + value + " is out of range; use a value from " + min + " to " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + text.get() + " is not a whole number");
    }
  }
}
