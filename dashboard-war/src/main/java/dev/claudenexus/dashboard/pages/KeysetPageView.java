package dev.claudenexus.dashboard.pages;

/**
 * The query parameters of a list page that shows one domain or all, paged by keyset cursors:
 * {@code domain}, {@code after}, {@code before} and {@code limit}. Blank values count as absent.
 */
abstract class KeysetPageView {

  protected String domain;
  protected String after;
  protected String before;
  protected String limit;

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = blankToNull(domain);
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = blankToNull(after);
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = blankToNull(before);
  }

  public String getLimit() {
    return limit;
  }

  public void setLimit(String limit) {
    this.limit = blankToNull(limit);
  }

  /** Returns the stripped value, or {@code null} for a missing or blank one. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
