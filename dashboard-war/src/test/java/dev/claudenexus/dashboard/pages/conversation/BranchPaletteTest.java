package dev.claudenexus.dashboard.pages.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchPaletteTest {

  @Test
  void mainIsGrey() {
    assertThat(BranchPalette.colour("main")).isEqualTo(BranchPalette.MAIN);
    assertThat(BranchPalette.colour(null)).isEqualTo(BranchPalette.MAIN);
  }

  @Test
  void otherBranchesFromPalette() {
    for (String branch : new String[] {"subtask_1", "branch_20250310080000", "compact_080000",
        "\"><svg onload=alert(1)>", ""}) {
      assertThat(BranchPalette.COLOURS).as(branch).contains(BranchPalette.colour(branch));
    }
  }

  @Test
  void colourStableByName() {
    assertThat(BranchPalette.stableHash("subtask_1")).isEqualTo(BranchPalette.stableHash("subtask_1"));
    assertThat(BranchPalette.stableHash("a")).isEqualTo(0xe40c292c);
    assertThat(BranchPalette.colour("subtask_1")).isNotEqualTo(BranchPalette.colour("subtask_2"));
  }
}
