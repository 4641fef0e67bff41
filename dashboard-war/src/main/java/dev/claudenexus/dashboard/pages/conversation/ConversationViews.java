package dev.claudenexus.dashboard.pages.conversation;

/** The views of the conversation page, named as in its {@code ?view=} parameter. */
final class ConversationViews {

  static final String TREE = "tree";
  static final String TIMELINE = "timeline";

  private ConversationViews() {}

  /** Returns the view named by {@code value}; anything else is the tree. */
  static String parse(String value) {
    return TIMELINE.equals(value) ? TIMELINE : TREE;
  }
}
