package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.conversations.ConversationCursor;
import dev.claudenexus.api.conversations.ConversationPageQuery;
import dev.claudenexus.api.conversations.ConversationSelection;
import dev.claudenexus.api.conversations.ConversationSummary;
import dev.claudenexus.api.conversations.ConversationSummaryQuery;
import dev.claudenexus.api.conversations.LatestRequest;
import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.api.stats.ConversationStatsQuery;
import dev.claudenexus.api.stats.ConversationTotals;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The overview page {@code /dashboard}: stat cards and the conversations, newest first, paged by
 * the {@code after} and {@code before} cursors, optionally of one {@code domain}.
 *
 * <p>A {@code search} that is a whole conversation id selects that conversation in the database.
 * Any other search keeps the conversations of the loaded page whose id, domain or a branch name
 * contains it. NOTE: that search covers one page at a time, as in the original dashboard, because a
 * substring match over all conversations would read every stored request.
 */
@Named
@RequestScoped
public class OverviewPage extends KeysetPageView {

  static final String PATH = "/dashboard";
  static final int MAX_LIMIT = 200;

  @Inject ContextWindows contextWindows;
  @Inject SlowReads slowReads;

  private String search;

  private ConversationTotals totals;
  private KeysetPage<ConversationRow> page;
  private List<ConversationRow> rows;
  private String error;

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = blankToNull(search);
  }

  /** Returns the all-time totals of the selected domain, or of all. */
  public ConversationTotals getTotals() throws SQLException {
    load();
    return totals;
  }

  /** Returns the conversations to show: the page, narrowed by a search that is not an id. */
  public List<ConversationRow> getRows() throws SQLException {
    load();
    return rows;
  }

  public KeysetPage<ConversationRow> getPage() throws SQLException {
    load();
    return page;
  }

  /** Returns the messages of invalid parameters, or {@code null}. */
  public String getError() throws SQLException {
    load();
    return error;
  }

  /** Returns whether the search narrows the loaded page instead of selecting a conversation. */
  public boolean isSearchOnPage() {
    return search != null && conversationId(search).isEmpty();
  }

  public String getPreviousLink() throws SQLException {
    load();
    return page.previous().map(cursor -> link().with("before", cursor).toString()).orElse(null);
  }

  public String getNextLink() throws SQLException {
    load();
    return page.next().map(cursor -> link().with("after", cursor).toString()).orElse(null);
  }

  private PageLink link() {
    return PageLink.to(PATH).with("domain", domain).with("search", search).with("limit", limit);
  }

  private void load() throws SQLException {
    if (page != null) {
      return;
    }
    ParameterErrors errors = new ParameterErrors();
    int pageSize = errors.parse(() -> QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT,
        ConversationSelection.DEFAULT_LIMIT), ConversationSelection.DEFAULT_LIMIT);
    Optional<String> domainFilter =
        errors.parse(() -> QueryParameters.text("domain", domain), Optional.empty());
    Optional<ConversationCursor> afterCursor =
        errors.parse(() -> cursor("after", after), Optional.empty());
    Optional<ConversationCursor> beforeCursor =
        errors.parse(() -> cursor("before", before), Optional.empty());
    if (afterCursor.isPresent() && beforeCursor.isPresent()) {
      errors.add("Use either the after or the before cursor, not both. The first page is shown.");
      afterCursor = Optional.empty();
      beforeCursor = Optional.empty();
    }
    Optional<UUID> conversationId = search == null ? Optional.empty() : conversationId(search);
    ConversationSelection selection =
        ConversationSelection.page(domainFilter, conversationId, pageSize, afterCursor);

    totals = slowReads.get("overview-totals:" + domainFilter.orElse(""),
        () -> totals(domainFilter));
    page = conversations(selection, beforeCursor);
    rows = isSearchOnPage()
        ? page.rows().stream().filter(row -> row.matches(search)).toList()
        : page.rows();
    error = errors.message();
  }

  /** Reads the page of conversations and summarises them. */
  private KeysetPage<ConversationRow> conversations(ConversationSelection selection,
      Optional<ConversationCursor> before) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      KeysetPage<LatestRequest> latest = latest(connection, selection, before);
      ConversationSummaryQuery summaries = new ConversationSummaryQuery(connection);
      List<ConversationSummary> summaryList = summaries.summaries(selection, latest.rows());
      Map<UUID, List<String>> branchNames = isSearchOnPage()
          ? summaries.branchNames(selection, latest.rows().stream()
              .map(LatestRequest::conversationId).toList())
          : Map.of();
      List<ConversationRow> pageRows = summaryList.stream()
          .map(summary -> row(summary, branchNames))
          .toList();
      return new KeysetPage<>(pageRows, latest.previous(), latest.next());
    }
  }

  // NOTE: the totals read every conversation row of the domain, or of the whole table. SlowReads
  // keeps the result when that is slow, but only a rollup table would make the first view fast.
  private static ConversationTotals totals(Optional<String> domain) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return new ConversationStatsQuery(connection, domain, Optional.empty()).totals();
    }
  }

  private static KeysetPage<LatestRequest> latest(Connection connection,
      ConversationSelection selection, Optional<ConversationCursor> before) throws SQLException {
    ConversationPageQuery query = new ConversationPageQuery(connection);
    int pageSize = selection.limit();
    if (before.isPresent()) {
      KeysetPage<LatestRequest> backward = KeysetPage.backward(
          query.newer(selection, before.get(), pageSize + 1), pageSize, OverviewPage::encode);
      if (!backward.first()) {
        return backward;
      }
      // The page before reaches the top of the list: show a full first page instead.
    }
    return KeysetPage.forward(query.latest(selection, pageSize + 1), pageSize,
        selection.cursor().isPresent(), OverviewPage::encode);
  }

  private ConversationRow row(ConversationSummary summary, Map<UUID, List<String>> branchNames) {
    LatestRequest latest = summary.latest();
    return new ConversationRow(summary,
        contextWindows.battery(latest.contextTokens(), latest.model()),
        branchNames.getOrDefault(latest.conversationId(), List.of()));
  }

  private static String encode(LatestRequest latest) {
    return latest.cursor().encode();
  }

  /**
   * Decodes the {@code after} or {@code before} parameter.
   *
   * @throws InvalidParameterException when it is not a cursor from a link of this page
   */
  private static Optional<ConversationCursor> cursor(String name, String value) {
    try {
      return Optional.ofNullable(value).map(ConversationCursor::decode);
    } catch (InvalidParameterException e) {
      throw new InvalidParameterException(name, "the value of a Newer or Older link", value);
    }
  }

  private static Optional<UUID> conversationId(String text) {
    try {
      return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
