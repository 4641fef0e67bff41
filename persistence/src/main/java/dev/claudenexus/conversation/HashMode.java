package dev.claudenexus.conversation;

import java.util.Locale;

/** The rule set that message and system hashes are computed with. Its label is stored with each hashed request. */
public enum HashMode {
  /** The original proxy's rules, kept so that hashes stored by it still match. */
  ORIGINAL("original"),
  /**
   * The original rules plus those for Claude Code 2.1: only user and assistant messages count,
   * reminders are stripped from plain strings, and volatile system prompt parts are ignored.
   */
  CURRENT("current");

  private final String label;

  HashMode(String label) {
    this.label = label;
  }

  /**
   * Parses the value of the {@code CONVERSATION_HASH_MODE} setting, ignoring case and surrounding
   * whitespace.
   *
   * @throws IllegalArgumentException when the value is null or names no mode
   */
  public static HashMode parse(String value) {
    String requested = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (HashMode mode : values()) {
      if (mode.label.equals(requested)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Invalid CONVERSATION_HASH_MODE value '" + value
        + "': expected 'original' or 'current'");
  }

  /** Returns the name stored in the database: {@code original} or {@code current}. */
  public String label() {
    return label;
  }
}
