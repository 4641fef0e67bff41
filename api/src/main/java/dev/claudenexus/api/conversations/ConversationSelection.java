package dev.claudenexus.api.conversations;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.api.query.SqlFilter;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The validated parameters of {@code GET /api/conversations}. The filters select requests, and a
 * conversation is listed and summarised from its selected requests only: with {@code dateTo}, its
 * latest request before that time; with {@code excludeSubtasks}, its requests outside sub-tasks.
 * {@code conversationId} selects the requests of one conversation; the dashboard's search sets it,
 * the API never does.
 */
public record ConversationSelection(Optional<String> domain, Optional<String> accountId,
    Optional<OffsetDateTime> dateFrom, Optional<OffsetDateTime> dateTo, boolean excludeSubtasks,
    int limit, int offset, Optional<ConversationCursor> cursor, Optional<UUID> conversationId) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  static final int MAX_OFFSET = 1_000_000;

  /**
   * Parses the query parameters.
   *
   * @throws InvalidParameterException naming the first invalid parameter
   */
  public static ConversationSelection parse(String domain, String accountId, String dateFrom,
      String dateTo, String excludeSubtasks, String limit, String offset, String cursor) {
    int pageSize = QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    int skipped = QueryParameters.wholeNumber("offset", offset, 0, MAX_OFFSET, 0);
    Optional<ConversationCursor> position =
        Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(ConversationCursor::decode);
    if (position.isPresent() && skipped > 0) {
      throw new InvalidParameterException("offset", "0 or no offset together with a cursor", offset);
    }
    Optional<OffsetDateTime> from = QueryParameters.instant("dateFrom", dateFrom);
    Optional<OffsetDateTime> to = QueryParameters.instant("dateTo", dateTo);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new InvalidParameterException("dateFrom", "a time before dateTo", dateFrom);
    }
    return new ConversationSelection(QueryParameters.text("domain", domain),
        QueryParameters.text("accountId", accountId), from, to,
        QueryParameters.flag("excludeSubtasks", excludeSubtasks, false), pageSize, skipped,
        position, Optional.empty());
  }

  /**
   * Returns the selection of a dashboard page: all requests of the domain, or of the one
   * conversation, and {@code limit} conversations after the cursor.
   */
  public static ConversationSelection page(Optional<String> domain, Optional<UUID> conversationId,
      int limit, Optional<ConversationCursor> cursor) {
    return new ConversationSelection(domain, Optional.empty(), Optional.empty(), Optional.empty(),
        false, limit, 0, cursor, conversationId);
  }

  /** Returns the conditions on the requests of table alias {@code alias}. */
  SqlFilter requestFilter(String alias) {
    String prefix = alias + ".";
    SqlFilter filter = new SqlFilter().where(prefix + "conversation_id IS NOT NULL")
        .equalTo(prefix + "domain", domain)
        .equalTo(prefix + "account_id", accountId)
        .equalTo(prefix + "conversation_id", conversationId);
    dateFrom.ifPresent(from -> filter.where(prefix + "timestamp >= ?", from));
    dateTo.ifPresent(to -> filter.where(prefix + "timestamp < ?", to));
    if (excludeSubtasks) {
      filter.where("(" + prefix + "is_subtask IS NULL OR " + prefix + "is_subtask = FALSE)");
    }
    return filter;
  }
}
