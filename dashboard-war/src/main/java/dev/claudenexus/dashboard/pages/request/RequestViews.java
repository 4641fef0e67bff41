package dev.claudenexus.dashboard.pages.request;

/** The views of the request page, named as in its {@code ?view=} parameter. */
final class RequestViews {

  static final String CONVERSATION = "conversation";
  static final String RAW = "raw";
  static final String HEADERS = "headers";

  private RequestViews() {}

  /** Returns the view named by {@code value}; anything else is the conversation view. */
  static String parse(String value) {
    return RAW.equals(value) || HEADERS.equals(value) ? value : CONVERSATION;
  }
}
