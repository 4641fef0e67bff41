package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.api.requests.PageParameters;
import dev.claudenexus.api.requests.RequestCursor;
import dev.claudenexus.api.requests.RequestQueries;
import dev.claudenexus.api.requests.RequestRow;
import dev.claudenexus.api.stats.RequestStats;
import dev.claudenexus.api.stats.RequestStatsQuery;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The requests page {@code /dashboard/requests}: totals of the last 24 hours and the latest
 * requests, newest first, paged by the {@code after} and {@code before} cursors, optionally of one
 * {@code domain}. The newest page receives new requests from {@code /api/requests/stream} through
 * {@code requests-live.js}.
 */
@Named
@RequestScoped
public class RequestsPage extends KeysetPageView {

  static final String PATH = "/dashboard/requests";
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;
  /** The period of the cards, as the original's {@code /api/stats} default. */
  static final Duration CARD_PERIOD = Duration.ofHours(24);

  private RequestStats stats;
  private KeysetPage<RequestRow> page;
  private String error;

  /** Returns the totals of the last 24 hours of the selected domain, or of all. */
  public RequestStats getStats() throws SQLException {
    load();
    return stats;
  }

  public KeysetPage<RequestRow> getPage() throws SQLException {
    load();
    return page;
  }

  /** Returns the messages of invalid parameters, or {@code null}. */
  public String getError() throws SQLException {
    load();
    return error;
  }

  public String getPreviousLink() throws SQLException {
    load();
    return page.previous().map(cursor -> link().with("before", cursor).toString()).orElse(null);
  }

  public String getNextLink() throws SQLException {
    load();
    return page.next().map(cursor -> link().with("after", cursor).toString()).orElse(null);
  }

  /** Returns the link to the newest page with the same filter. */
  public String getNewestLink() {
    return link().toString();
  }

  /** Returns the CSS class of a response status: {@code status-ok} for 2xx, else status-bad. */
  public String statusClass(Integer status) {
    return status != null && status >= 200 && status < 300 ? "status-ok" : "status-bad";
  }

  private PageLink link() {
    return PageLink.to(PATH).with("domain", domain).with("limit", limit);
  }

  private void load() throws SQLException {
    if (page != null) {
      return;
    }
    ParameterErrors errors = new ParameterErrors();
    int pageSize = errors.parse(() -> QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT,
        DEFAULT_LIMIT), DEFAULT_LIMIT);
    Optional<String> domainFilter =
        errors.parse(() -> QueryParameters.text("domain", domain), Optional.empty());
    Optional<RequestCursor> afterCursor =
        errors.parse(() -> cursor("after", after), Optional.empty());
    Optional<RequestCursor> beforeCursor =
        errors.parse(() -> cursor("before", before), Optional.empty());
    if (afterCursor.isPresent() && beforeCursor.isPresent()) {
      errors.add("Use either the after or the before cursor, not both. The first page is shown.");
      afterCursor = Optional.empty();
      beforeCursor = Optional.empty();
    }

    try (Connection connection = DataSources.nexus().getConnection()) {
      stats = new RequestStatsQuery(connection)
          .since(QueryParameters.now().minus(CARD_PERIOD), domainFilter);
    }
    page = rows(domainFilter.orElse(null), pageSize, afterCursor, beforeCursor);
    error = errors.message();
  }

  private static KeysetPage<RequestRow> rows(String domain, int pageSize,
      Optional<RequestCursor> after, Optional<RequestCursor> before) throws SQLException {
    if (before.isPresent()) {
      KeysetPage<RequestRow> backward = KeysetPage.backward(
          RequestQueries.newer(domain, before.get(), pageSize + 1), pageSize, RequestsPage::encode);
      if (!backward.first()) {
        return backward;
      }
      // The page before reaches the top of the list: show a full first page instead.
    }
    RequestQueries.Page forward =
        RequestQueries.list(domain, new PageParameters(pageSize, 0, after), false, false);
    Optional<String> previous = after.isPresent() && !forward.rows().isEmpty()
        ? Optional.of(encode(forward.rows().get(0))) : Optional.empty();
    return new KeysetPage<>(forward.rows(), previous, forward.next().map(RequestCursor::encode));
  }

  private static String encode(RequestRow row) {
    return row.cursor().encode();
  }

  /**
   * Decodes the {@code after} or {@code before} parameter.
   *
   * @throws InvalidParameterException when it is not a cursor from a link of this page
   */
  private static Optional<RequestCursor> cursor(String name, String value) {
    try {
      return Optional.ofNullable(value).map(RequestCursor::decode);
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException(name, "the value of a Newer or Older link", value);
    }
  }
}
