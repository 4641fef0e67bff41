package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

  private static final Function<Integer, String> CURSOR = row -> "c" + row;

  @Test
  void firstPageHasOnlyNext() {
    KeysetPage<Integer> page = KeysetPage.forward(List.of(9, 8, 7, 6), 3, false, CURSOR);

    assertThat(page.rows()).containsExactly(9, 8, 7);
    assertThat(page.previous()).isEmpty();
    assertThat(page.next()).contains("c7");
    assertThat(page.first()).isTrue();
  }

  @Test
  void pageAfterCursorHasPrevious() {
    KeysetPage<Integer> page = KeysetPage.forward(List.of(6, 5), 3, true, CURSOR);

    assertThat(page.rows()).containsExactly(6, 5);
    assertThat(page.previous()).contains("c6");
    assertThat(page.next()).isEmpty();
  }

  @Test
  void emptyPageAfterCursorHasNoLinks() {
    KeysetPage<Integer> page = KeysetPage.forward(List.of(), 3, true, CURSOR);

    assertThat(page.previous()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void backwardPageIsReversed() {
    KeysetPage<Integer> page = KeysetPage.backward(List.of(4, 5, 6, 7), 3, CURSOR);

    assertThat(page.rows()).containsExactly(6, 5, 4);
    assertThat(page.previous()).contains("c6");
    assertThat(page.next()).contains("c4");
  }

  @Test
  void backwardPageAtTopHasNoPrevious() {
    KeysetPage<Integer> page = KeysetPage.backward(List.of(8, 9), 3, CURSOR);

    assertThat(page.rows()).containsExactly(9, 8);
    assertThat(page.first()).isTrue();
    assertThat(page.next()).contains("c8");
  }
}
