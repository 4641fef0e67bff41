package dev.claudenexus.storage;

import dev.claudenexus.conversation.ConversationLinker;
import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.conversation.LinkLookup;
import dev.claudenexus.conversation.RecentLinks;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.usage.TokenUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Recomputes the hashes and links of stored requests, oldest first, after the hashing rules or the
 * clients changed. Each batch is its own transaction that updates rows by primary key, so the proxy
 * keeps writing meanwhile. The position after each batch is stored with it, so an interrupted run
 * resumes where it stopped when started again with the same options.
 */
public final class Relinker {

  /** Receives progress after each batch. */
  @FunctionalInterface
  public interface Progress {
    void update(long done, long total);
  }

  /**
   * The rows to relink and the hash mode to use.
   *
   * @param since only rows that started at or after this time, or null for all
   * @param domain only rows of this domain, or null for all
   */
  public record Options(HashMode mode, Instant since, String domain, int batchSize) {}

  private static final Duration SUBTASK_WINDOW = Duration.ofHours(24);
  private static final int RECENT_LINKS = 10_000;
  private static final String ROW_COLUMNS = "request_id, domain, timestamp, method, path, headers,"
      + " body, request_type, response_status, response_body, outcome, conversation_id";

  private final DataSource dataSource;

  public Relinker(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Relinks every matching row and returns how many were relinked in this call. */
  public long run(Options options, Progress progress) throws SQLException {
    DatabaseVendor vendor = SchemaMigrator.migrate(dataSource);
    RelinkRuns runs = new RelinkRuns(dataSource);
    RelinkRuns.Run run = runs.resumeOrStart(options);
    RequestRepository repository = new RequestRepository(vendor);
    RecordLinker linker = new RecordLinker(new ConversationLinker(options.mode(), SUBTASK_WINDOW,
        OriginalRows.exist(dataSource, vendor) && options.mode() != HashMode.ORIGINAL),
        new RecentLinks(RECENT_LINKS), true, Duration.ZERO);
    long total = run.done() + count(options, run);
    long relinked = 0;
    progress.update(run.done(), total);
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        List<StoredRow> rows = nextRows(connection, options, run);
        if (rows.isEmpty()) {
          runs.finish(connection, run);
          connection.commit();
          return relinked;
        }
        LinkLookup lookup = linker.lookup(connection);
        List<LinkedRecord> linked = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
          linked.add(linker.link(row.record(), lookup, row.conversationId()));
        }
        repository.updateLinks(connection, linked);
        StoredRow last = rows.get(rows.size() - 1);
        run = run.advance(last.record().timestamp(), last.record().requestId(), rows.size());
        runs.save(connection, run);
        connection.commit();
        relinked += rows.size();
        progress.update(run.done(), total);
      }
    }
  }

  private record StoredRow(RequestRecord record, UUID conversationId) {}

  private static String filter(Options options) {
    return (options.since() == null ? "" : " AND timestamp >= ?")
        + (options.domain() == null ? "" : " AND domain = ?");
  }

  private static int bindFilter(PreparedStatement statement, Options options, int first)
      throws SQLException {
    int i = first;
    if (options.since() != null) {
      statement.setObject(i++, OffsetDateTime.ofInstant(options.since(), java.time.ZoneOffset.UTC));
    }
    if (options.domain() != null) {
      statement.setString(i++, options.domain());
    }
    return i;
  }

  private static final String AFTER_CURSOR =
      " (timestamp > ? OR (timestamp = ? AND request_id > ?))";

  private static int bindCursor(PreparedStatement statement, RelinkRuns.Run run, int first)
      throws SQLException {
    statement.setObject(first, run.lastTimestamp());
    statement.setObject(first + 1, run.lastTimestamp());
    statement.setObject(first + 2, run.lastRequestId());
    return first + 3;
  }

  private long count(Options options, RelinkRuns.Run run) throws SQLException {
    String sql = "SELECT COUNT(*) FROM api_requests WHERE" + AFTER_CURSOR + filter(options);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bindFilter(statement, options, bindCursor(statement, run, 1));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<StoredRow> nextRows(Connection connection, Options options, RelinkRuns.Run run)
      throws SQLException {
    String sql = "SELECT " + ROW_COLUMNS + " FROM api_requests WHERE" + AFTER_CURSOR
        + filter(options) + " ORDER BY timestamp, request_id FETCH FIRST "
        + Math.max(1, options.batchSize()) + " ROWS ONLY";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bindFilter(statement, options, bindCursor(statement, run, 1));
      try (ResultSet rs = statement.executeQuery()) {
        List<StoredRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new StoredRow(record(rs), rs.getObject("conversation_id", UUID.class)));
        }
        return rows;
      }
    }
  }

  /** Returns the columns of a stored row that linking reads, as a record. */
  private static RequestRecord record(ResultSet rs) throws SQLException {
    return new RequestRecord(rs.getObject("request_id", UUID.class), rs.getString("domain"),
        rs.getObject("timestamp", OffsetDateTime.class), rs.getString("method"),
        rs.getString("path"), null, rs.getString("headers"), rs.getString("body"), null, null, null,
        rs.getString("request_type"), 0, rs.getInt("response_status"), null,
        rs.getString("response_body"), false, TokenUsage.NONE, null, null, null, 0,
        // Rows of the original product have no outcome; it stored only completed requests.
        rs.getString("outcome") == null ? "complete" : rs.getString("outcome"), null, null, 0, 1,
        List.of());
  }
}
