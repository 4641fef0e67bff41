package dev.claudenexus.dashboard.pages.conversation;

import java.util.List;

/**
 * The request tree of a conversation, laid out in SVG user units for the page to draw. Every text
 * in it is plain text for the page to escape; links and colours are built here, never taken from
 * stored text.
 */
public record TreeLayout(int width, int height, List<Node> nodes, List<Edge> edges,
    List<Box> boxes) {

  /**
   * A request: a circle at ({@code x}, {@code y}) and a label starting at {@code labelX}.
   *
   * @param title the tooltip: full id, branch, time, model and outcome
   */
  public record Node(String requestId, String href, int x, int y, String colour, boolean failed,
      String shortId, String detail, int labelX, String title) {}

  /** A connector from a parent request to a child, as SVG path data. */
  public record Edge(String path, String colour, boolean dashed) {}

  /** A sub-task box; {@code href} is {@code null} when the sub-task has no stored request. */
  public record Box(int x, int y, int width, int height, String label, String href,
      String title) {}
}
