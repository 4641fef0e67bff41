package dev.claudenexus.analysis.prompt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans conversation text before it goes to the model: personal data and secrets become bracketed
 * placeholders, control characters go, whitespace collapses, phrases that try to give the model new
 * instructions become {@code [FILTERED]}, and markup characters are escaped. A turn is cut at
 * {@value #MAX_CHARS} characters (twice that before the patterns run).
 */
public final class TextSanitizer {

  static final int MAX_CHARS = 50_000;
  static final String FILTERED = "[FILTERED]";

  private record Rule(Pattern pattern, String replacement) {}

  // Order matters: keys and database URLs before the general URL and e-mail rules. The lookbehinds
  // start a match only at the beginning of a run of its characters, so a long run that does not
  // match is read once instead of once per character.
  private static final List<Rule> REDACTIONS = List.of(
      new Rule(Pattern.compile("sk-ant-[A-Za-z0-9_-]{10,}"), "[API_KEY]"),
      new Rule(Pattern.compile("cnp_(?:live|test)_[A-Za-z0-9_]{8,}"), "[API_KEY]"),
      new Rule(Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}"), "[JWT]"),
      new Rule(Pattern.compile("(?i)(?:postgres(?:ql)?|mysql|mongodb(?:\\+srv)?)://\\S+"), "[DATABASE_URL]"),
      new Rule(Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[EMAIL]"),
      new Rule(Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+"), "[URL]"),
      new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[SSN]"),
      new Rule(Pattern.compile("\\b(?:\\d[ -]?){13,16}\\b"), "[CARD_NUMBER]"),
      new Rule(Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"), "[IP_ADDRESS]"),
      new Rule(Pattern.compile("(?:\\+\\d{1,3}[ .-]?)?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b"), "[PHONE]"),
      new Rule(Pattern.compile("(?i)\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,3}"
          + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr)\\b\\.?"), "[ADDRESS]"));

  private static final Pattern INJECTION = Pattern.compile("(?i)(?:"
      + "(?:ignore|disregard)\\s+(?:all\\s+)?(?:previous|prior|above|all)\\s+instructions"
      + "|forget\\s+everything"
      + "|new\\s+task\\s*:"
      + "|\\b(?:system|assistant|user)\\s*:"
      + "|\\[/?INST\\]"
      + "|<\\|im_(?:start|end)\\|>)");

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private TextSanitizer() {}

  /** Returns the cleaned text. */
  public static String sanitize(String text) {
    // Cut before the patterns run, so their work is bounded whatever the stored text's size. The
    // margin keeps a pattern that spans the final cut from being split before it is redacted.
    String bounded = text.length() > 2 * MAX_CHARS ? text.substring(0, 2 * MAX_CHARS) : text;
    String cleaned = redact(bounded);
    cleaned = CONTROL.matcher(cleaned).replaceAll("");
    cleaned = WHITESPACE.matcher(cleaned).replaceAll(" ").strip();
    cleaned = INJECTION.matcher(cleaned).replaceAll(FILTERED);
    cleaned = escapeMarkup(cleaned);
    if (cleaned.length() > MAX_CHARS) {
      cleaned = cleaned.substring(0, MAX_CHARS) + "... [TRUNCATED]";
    }
    return cleaned;
  }

  /** Returns the text with personal data and secrets replaced by placeholders. */
  public static String redact(String text) {
    String result = text;
    for (Rule rule : REDACTIONS) {
      result = rule.pattern().matcher(result).replaceAll(rule.replacement());
    }
    return result;
  }

  private static String escapeMarkup(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
