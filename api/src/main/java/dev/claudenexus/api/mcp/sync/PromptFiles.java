package dev.claudenexus.api.mcp.sync;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File operations of the sync on the prompts folder. */
final class PromptFiles {

  private PromptFiles() {}

  /**
   * Writes the file through a temporary file in the same folder that is then moved over it, so the
   * prompt watcher never reads half a file. The temporary name starts with a dot and ends in
   * {@code .tmp}, so it is never read as a prompt.
   */
  static void writeAtomically(Path directory, String fileName, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(directory, "." + fileName + ".", ".tmp");
    try {
      Files.write(temporary, content);
      try {
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Returns the SHA-256 of the bytes, in lower-case hex. */
  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
