package dev.claudenexus.dashboard.pages.request;

/**
 * Text as a page shows it: the whole text, or its start when it was cut.
 *
 * @param fullLength the length of the whole text in UTF-16 code units, as {@link String#length}
 */
public record ShownText(String text, boolean cut, int fullLength) {

  /** Returns the whole {@code text}. */
  public static ShownText whole(String text) {
    return new ShownText(text, false, text.length());
  }

  /** Returns the first {@code max} characters of {@code text}, never splitting a surrogate pair. */
  public static ShownText cutTo(String text, int max) {
    if (text.length() <= max) {
      return whole(text);
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return new ShownText(text.substring(0, end), true, text.length());
  }

  /** Returns a sentence that gives how much of a cut text is shown. */
  public String cutNotice() {
    return "Showing " + DisplayFormats.count(text.length()) + " of "
        + DisplayFormats.count(fullLength) + " characters.";
  }
}
