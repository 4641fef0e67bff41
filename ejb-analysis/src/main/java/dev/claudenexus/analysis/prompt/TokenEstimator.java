package dev.claudenexus.analysis.prompt;

import java.nio.charset.StandardCharsets;

/**
 * Estimates Gemini tokens without Gemini's tokenizer, which has no Java release: one token per
 * {@value #BYTES_PER_TOKEN} UTF-8 bytes of a turn, plus {@value #TOKENS_PER_TURN} for its framing.
 * The tokenizer averages about 4 characters per token on English text and about one token per
 * character on CJK text (3 UTF-8 bytes), so the estimate is above the real count on both. That
 * over-count is the safety margin; the configured budget keeps the original's 5 % on top.
 */
public final class TokenEstimator {

  static final int BYTES_PER_TOKEN = 3;
  static final int TOKENS_PER_TURN = 8;

  private TokenEstimator() {}

  /** Returns the estimated tokens of one turn. */
  public static long tokens(Turn turn) {
    return tokens(turn.text()) + TOKENS_PER_TURN;
  }

  /** Returns the estimated tokens of a text. */
  public static long tokens(String text) {
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    return (bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
  }

  /** Returns how many characters of {@code text} fit into {@code tokens}, never cutting a surrogate pair. */
  static int charsWithin(String text, long tokens) {
    long budgetBytes = tokens * BYTES_PER_TOKEN;
    long bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > budgetBytes) {
        break;
      }
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return i;
  }
}
