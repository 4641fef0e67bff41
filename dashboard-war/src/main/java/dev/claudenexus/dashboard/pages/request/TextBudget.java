package dev.claudenexus.dashboard.pages.request;

/**
 * Caps how much stored text one page renders, so a request with a multi-megabyte message still
 * loads quickly. Each block shows at most {@code perBlock} characters. Once the page has used
 * {@code perPage} characters, later blocks show only a {@value #PREVIEW}-character preview, and
 * after {@code maxBlocks} blocks {@link #hasRoomForBlock} turns false.
 */
final class TextBudget {

  /** Characters a block shows after the page budget is spent. */
  static final int PREVIEW = 200;

  private final int perBlock;
  private final int maxBlocks;
  private long remaining;
  private int blocks;
  private boolean anyCut;

  TextBudget(int perBlock, long perPage, int maxBlocks) {
    this.perBlock = perBlock;
    this.remaining = perPage;
    this.maxBlocks = maxBlocks;
  }

  /** Returns whether another block may be rendered, and counts it when it may. */
  boolean hasRoomForBlock() {
    if (blocks >= maxBlocks) {
      anyCut = true;
      return false;
    }
    blocks++;
    return true;
  }

  /** Returns the part of {@code text} to render and charges it to the page. */
  ShownText take(String text) {
    int max = (int) Math.min(perBlock, Math.max(remaining, PREVIEW));
    ShownText shown = ShownText.cutTo(text, max);
    remaining -= shown.text().length();
    anyCut |= shown.cut();
    return shown;
  }

  /** Returns whether any text was cut or any block left out. */
  boolean anyCut() {
    return anyCut;
  }
}
