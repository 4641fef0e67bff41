package dev.claudenexus.api.audit;

import dev.claudenexus.audit.AuditEvent;
import dev.claudenexus.audit.AuditQuery;
import dev.claudenexus.audit.AuditRepository;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.storage.DataSources;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads pages of the audit trail for the API and the audit page. */
public final class AuditReader {

  /**
   * One page and the cursor of the next, if there is one.
   *
   * @param events the page, newest first
   * @param nextCursor pass as {@code cursor} for the next page
   */
  public record Page(List<AuditEvent> events, Optional<String> nextCursor) {}

  private static volatile DatabaseVendor vendor;

  private AuditReader() {}

  /** Reads the page that {@code query} selects. */
  public static Page read(AuditQuery query) throws SQLException {
    List<AuditEvent> rows = repository().find(withLimit(query, query.limit() + 1));
    if (rows.size() <= query.limit()) {
      return new Page(rows, Optional.empty());
    }
    List<AuditEvent> page = rows.subList(0, query.limit());
    return new Page(page,
        Optional.of(AuditCursor.encode(AuditQuery.Position.of(page.get(page.size() - 1)))));
  }

  static AuditRepository repository() throws SQLException {
    DataSource dataSource = DataSources.nexus();
    if (vendor == null) {
      try (Connection connection = dataSource.getConnection()) {
        vendor = DatabaseVendor.of(connection);
      }
    }
    return new AuditRepository(dataSource, vendor);
  }

  static AuditQuery withLimit(AuditQuery query, int limit) {
    return new AuditQuery(query.user(), query.action(), query.from(), query.to(), query.targetId(),
        query.after(), limit);
  }
}
