package dev.claudenexus.analysis.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a conversation to a token budget, keeping its start and its end. When all turns fit, all are
 * kept. Otherwise the last {@code tail} turns are kept, dropping the oldest of them while they exceed
 * the budget, and then as many of the first {@code head} turns as fit in what remains. A user turn
 * {@value #GAP_MARKER} marks where turns were dropped. A single turn larger than the budget is cut
 * to it and ends with {@value #CUT_MARKER}.
 */
public final class TurnTruncator {

  public static final String GAP_MARKER = "[...conversation truncated...]";
  public static final String CUT_MARKER = "\n...[CONTENT TRUNCATED]...";

  private TurnTruncator() {}

  /** Returns the turns to send; their estimated tokens, markers included, stay within the budget. */
  public static List<Turn> truncate(List<Turn> turns, long budget, int head, int tail) {
    long total = turns.stream().mapToLong(TokenEstimator::tokens).sum();
    if (total <= budget) {
      return turns;
    }
    long markerTokens = TokenEstimator.tokens(Turn.user(GAP_MARKER));
    long available = budget - 2 * markerTokens;
    int tailStart = Math.max(0, turns.size() - tail);
    long tailTokens = 0;
    for (int i = tailStart; i < turns.size(); i++) {
      tailTokens += TokenEstimator.tokens(turns.get(i));
    }
    while (tailTokens > available && tailStart < turns.size() - 1) {
      tailTokens -= TokenEstimator.tokens(turns.get(tailStart));
      tailStart++;
    }
    if (tailTokens > available) {
      return List.of(cut(turns.get(turns.size() - 1), available));
    }
    int headEnd = 0;
    long headTokens = 0;
    while (headEnd < Math.min(head, tailStart)) {
      long next = TokenEstimator.tokens(turns.get(headEnd));
      if (tailTokens + headTokens + next > available) {
        break;
      }
      headTokens += next;
      headEnd++;
    }
    List<Turn> kept = new ArrayList<>(turns.subList(0, headEnd));
    if (headEnd < tailStart) {
      kept.add(Turn.user(GAP_MARKER));
    }
    kept.addAll(turns.subList(tailStart, turns.size()));
    return kept;
  }

  private static Turn cut(Turn turn, long budget) {
    long room = Math.max(0, budget - TokenEstimator.TOKENS_PER_TURN - TokenEstimator.tokens(CUT_MARKER));
    String text = turn.text();
    return new Turn(turn.role(), text.substring(0, TokenEstimator.charsWithin(text, room)) + CUT_MARKER);
  }
}
