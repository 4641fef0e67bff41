package dev.claudenexus.api.spark;

import java.util.regex.Pattern;

/** Spark session ids: 1 to 200 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}. */
public final class SessionIds {

  /** The maximum length of a session id. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

  private SessionIds() {}

  public static boolean isValid(String sessionId) {
    return sessionId != null && VALID.matcher(sessionId).matches();
  }

  /** Describes a valid session id, for error messages. */
  public static String expectation() {
    return "1 to " + MAX_LENGTH + " letters, digits, '.', '_', ':' or '-'";
  }
}
