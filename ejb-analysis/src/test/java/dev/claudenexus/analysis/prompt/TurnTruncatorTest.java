package dev.claudenexus.analysis.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTruncatorTest {

  private static List<Turn> conversation(int turns, int chars) {
    List<Turn> list = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      String text = String.format("turn %04d ", i) + "x".repeat(chars);
      list.add(i % 2 == 0 ? Turn.user(text) : Turn.model(text));
    }
    return list;
  }

  private static long tokens(List<Turn> turns) {
    return turns.stream().mapToLong(TokenEstimator::tokens).sum();
  }

  @Test
  void shortConversationKeptWhole() {
    List<Turn> turns = conversation(10, 100);

    assertThat(TurnTruncator.truncate(turns, 100_000, 5, 20)).isEqualTo(turns);
  }

  @Test
  void longConversationKeepsHeadAndTail() {
    List<Turn> turns = conversation(2000, 1000);

    List<Turn> sent = TurnTruncator.truncate(turns, 100_000, 5, 20);

    assertThat(tokens(sent)).isLessThanOrEqualTo(100_000);
    assertThat(sent).hasSize(26);
    assertThat(sent.subList(0, 5)).isEqualTo(turns.subList(0, 5));
    assertThat(sent.get(5).text()).isEqualTo(TurnTruncator.GAP_MARKER);
    assertThat(sent.subList(6, 26)).isEqualTo(turns.subList(1980, 2000));
  }

  @Test
  void largeTailShrinksFromItsFront() {
    List<Turn> turns = conversation(40, 30_000);

    List<Turn> sent = TurnTruncator.truncate(turns, 50_000, 5, 20);

    assertThat(tokens(sent)).isLessThanOrEqualTo(50_000);
    assertThat(sent.get(sent.size() - 1)).isEqualTo(turns.get(39));
    assertThat(sent).contains(Turn.user(TurnTruncator.GAP_MARKER));
  }

  @Test
  void singleHugeTurnCutToBudget() {
    List<Turn> turns = List.of(Turn.user("é".repeat(500_000)));

    List<Turn> sent = TurnTruncator.truncate(turns, 10_000, 5, 20);

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).text()).endsWith(TurnTruncator.CUT_MARKER);
    assertThat(tokens(sent)).isLessThanOrEqualTo(10_000);
  }

  @Test
  void estimatorCountsMultibyteText() {
    assertThat(TokenEstimator.tokens("abc")).isEqualTo(1);
    assertThat(TokenEstimator.tokens("日本語")).isEqualTo(3);
    assertThat(TokenEstimator.charsWithin("😀😀", 2)).isEqualTo(2);
  }
}
