package dev.claudenexus.launcher;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Removes passwords from text that a command prints: database URLs given on the command line and
 * messages of drivers and tools that may repeat them.
 */
final class Redaction {

  /** Maximum length of the part of a value that an error message repeats. */
  static final int MAX_SHOWN_LENGTH = 80;

  private static final String MASK = "***";
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:\\s]*):[^/@\\s]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password\\s*=\\s*)[^;&\\s]*");
  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

  private Redaction() {}

  /**
   * Returns {@code text} with the password of every {@code scheme://user:password@host} and the
   * value of every {@code password=} parameter (URL query or H2 setting) replaced by {@code ***}.
   */
  static String url(String text) {
    String masked = USER_INFO_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }

  /** Returns {@code message} with each of {@code secrets} replaced by {@code ***}. */
  static String scrub(String message, Collection<String> secrets) {
    String scrubbed = message == null ? "" : message;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        scrubbed = scrubbed.replace(secret, MASK);
      }
    }
    return url(scrubbed);
  }

  /**
   * Returns a command-line value as an error message may repeat it: passwords masked, control
   * characters replaced by {@code ?}, and cut to {@value #MAX_SHOWN_LENGTH} characters.
   */
  static String shown(String value) {
    String printable = CONTROL_CHARACTERS.matcher(url(value)).replaceAll("?");
    if (printable.length() <= MAX_SHOWN_LENGTH) {
      return printable;
    }
    return printable.substring(0, MAX_SHOWN_LENGTH) + "... (" + value.length() + " characters)";
  }
}
