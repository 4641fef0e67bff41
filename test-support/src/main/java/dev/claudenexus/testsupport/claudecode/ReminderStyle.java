package dev.claudenexus.testsupport.claudecode;

/**
 * The form in which a request writes a user message that carries {@code <system-reminder>} text. Claude Code
 * 2.1 sends the same message in either form from one request to the next.
 */
public enum ReminderStyle {
  /** Each reminder and the prompt are separate text blocks of a content array. */
  BLOCKS,
  /** The reminders and the prompt are joined into one plain string, separated by blank lines. */
  STRING
}
