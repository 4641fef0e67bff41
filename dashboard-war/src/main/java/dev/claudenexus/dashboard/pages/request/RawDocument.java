package dev.claudenexus.dashboard.pages.request;

/**
 * A stored document in the raw view: indented when it is JSON, as stored when it is not.
 *
 * @param anchor the element id of the document on the page
 * @param stored whether anything was stored; {@code text} is empty when not
 * @param json whether the stored text is valid JSON
 */
public record RawDocument(String anchor, String title, boolean stored, boolean json,
    ShownText text) {

  /** Characters of one document that the raw view shows. */
  static final int MAX_CHARS = 5_000_000;

  /** Returns the document for {@code stored}, which may be {@code null}. */
  public static RawDocument of(String anchor, String title, String stored) {
    if (stored == null) {
      return new RawDocument(anchor, title, false, false, ShownText.whole(""));
    }
    return JsonDocuments.parse(stored)
        .map(value -> new RawDocument(anchor, title, true, true,
            ShownText.cutTo(JsonDocuments.pretty(value), MAX_CHARS)))
        .orElseGet(() -> new RawDocument(anchor, title, true, false,
            ShownText.cutTo(stored, MAX_CHARS)));
  }
}
