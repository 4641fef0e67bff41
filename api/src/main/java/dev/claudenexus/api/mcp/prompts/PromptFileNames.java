package dev.claudenexus.api.mcp.prompts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a prompt file may have: a plain file name (no folder, no {@code ..}) of letters, digits,
 * {@code .}, {@code _} and {@code -}, ending in {@code .yaml} or {@code .yml}. The prompt's name is
 * the file name without that extension. Files synced from GitHub and files read from the folder pass
 * the same check, so no name can reach outside the prompts folder.
 */
public final class PromptFileNames {

  /** The maximum length of a file name, in characters. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(yaml|yml)");

  private PromptFileNames() {}

  /** Returns why the file name is rejected, or empty when it is a valid prompt file name. */
  public static Optional<String> problem(String fileName) {
    if (fileName == null || fileName.isEmpty()) {
      return Optional.of("the file name is empty");
    }
    if (fileName.length() > MAX_LENGTH) {
      return Optional.of("the file name is longer than " + MAX_LENGTH + " characters");
    }
    if (fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")) {
      return Optional.of("the file name contains a path ('/', '\\' or '..')");
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
      return Optional.of("the file name does not end in .yaml or .yml");
    }
    if (!SAFE.matcher(fileName).matches()) {
      return Optional.of("the file name may contain only letters, digits, '.', '_' and '-'");
    }
    return Optional.empty();
  }

  /** Returns whether the file name is a valid prompt file name. */
  public static boolean isValid(String fileName) {
    return problem(fileName).isEmpty();
  }

  /** Returns the prompt name of a valid file name: the name without its extension. */
  public static String promptName(String fileName) {
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }
}
