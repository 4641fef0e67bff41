package dev.claudenexus.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths given as values of command-line options. */
final class CommandPaths {

  /** Maximum path length, in characters (Linux's PATH_MAX). */
  static final int MAX_LENGTH = 4096;

  private CommandPaths() {}

  /**
   * Returns {@code value} as an absolute path.
   *
   * @throws IllegalArgumentException when it is empty, too long, or not a valid path
   */
  static Path parse(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " needs a path");
    }
    if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(option + " is not a valid path: \""
          + Redaction.shown(value) + "\"");
    }
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(option + " is not a valid path: \""
          + Redaction.shown(value) + "\"");
    }
  }
}
