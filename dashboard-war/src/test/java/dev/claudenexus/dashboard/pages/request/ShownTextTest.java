package dev.claudenexus.dashboard.pages.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownTextTest {

  @Test
  void shortTextWhole() {
    ShownText shown = ShownText.cutTo("abc", 5);

    assertThat(shown.text()).isEqualTo("abc");
    assertThat(shown.cut()).isFalse();
  }

  @Test
  void cutKeepsSurrogatePairsWhole() {
    String text = "ab\uD83D\uDE00cd";

    ShownText shown = ShownText.cutTo(text, 3);

    assertThat(shown.text()).isEqualTo("ab");
    assertThat(shown.cut()).isTrue();
    assertThat(shown.fullLength()).isEqualTo(6);
  }

  @Test
  void cutNoticeCountsCharacters() {
    assertThat(ShownText.cutTo("x".repeat(12_345), 1_000).cutNotice())
        .isEqualTo("Showing 1,000 of 12,345 characters.");
  }
}
