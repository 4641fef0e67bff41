package dev.claudenexus.proxy.clientsetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The files of the client-setup directory, looked up by a single file name. */
final class ClientSetupFiles {

  private final Path directory;

  ClientSetupFiles(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /**
   * Returns whether a (decoded) file name may be looked up: not empty, and free of {@code ..},
   * {@code /}, {@code \} and NUL.
   */
  static boolean isValidName(String name) {
    return name != null && !name.isEmpty() && !name.contains("..") && name.indexOf('/') < 0
        && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
  }

  /**
   * Returns the regular file of that name, or empty when there is none.
   *
   * @throws IllegalArgumentException when the name is invalid, or it or a symbolic link it names
   *     resolves outside the directory
   * @throws IOException when the directory or the file cannot be read
   */
  Optional<Path> find(String name) throws IOException {
    if (!isValidName(name)) {
      throw new IllegalArgumentException("invalid file name");
    }
    Path file;
    try {
      file = directory.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid file name", e);
    }
    if (!directory.equals(file.getParent())) {
      throw new IllegalArgumentException("the name resolves outside the directory");
    }
    if (!Files.isRegularFile(file) || !Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Path real = file.toRealPath();
    if (!real.startsWith(directory.toRealPath())) {
      throw new IllegalArgumentException("the file resolves outside the directory");
    }
    return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? Optional.of(real) : Optional.empty();
  }

  /** Returns the content type of a file name by its extension. */
  static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith(".js")) {
      return "application/javascript";
    }
    if (lower.endsWith(".sh")) {
      return "text/x-shellscript";
    }
    return "text/plain";
  }
}
