package dev.claudenexus.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/** The stored position of relink runs, so that a run that stopped can resume. */
final class RelinkRuns {

  /** The start of time for the cursor: before every stored request. */
  private static final OffsetDateTime BEFORE_ALL = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final UUID LOWEST_ID = new UUID(0, 0);

  /** A run and its position: the last relinked row in (timestamp, request id) order. */
  record Run(long id, OffsetDateTime lastTimestamp, UUID lastRequestId, long done) {

    Run advance(OffsetDateTime timestamp, UUID requestId, int rows) {
      return new Run(id, timestamp, requestId, done + rows);
    }
  }

  private final DataSource dataSource;

  RelinkRuns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Returns the unfinished run with the same options, or a new run from the beginning. */
  Run resumeOrStart(Relinker.Options options) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT id, since, domain, last_timestamp, last_request_id, done FROM relink_runs"
              + " WHERE finished_at IS NULL AND hash_mode = ? ORDER BY id DESC")) {
        statement.setString(1, options.mode().label());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
            boolean sameSince = Objects.equals(since == null ? null : since.toInstant(), options.since());
            if (sameSince && Objects.equals(rs.getString("domain"), options.domain())) {
              return new Run(rs.getLong("id"), rs.getObject("last_timestamp", OffsetDateTime.class),
                  rs.getObject("last_request_id", UUID.class), rs.getLong("done"));
            }
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO relink_runs (hash_mode, since, domain, last_timestamp, last_request_id, done,"
              + " started_at) VALUES (?, ?, ?, ?, ?, 0, ?)", new String[] {"id"})) {
        statement.setString(1, options.mode().label());
        statement.setObject(2, options.since() == null ? null
            : options.since().atOffset(ZoneOffset.UTC));
        statement.setString(3, options.domain());
        statement.setObject(4, BEFORE_ALL);
        statement.setObject(5, LOWEST_ID);
        statement.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
          keys.next();
          return new Run(keys.getLong(1), BEFORE_ALL, LOWEST_ID, 0);
        }
      }
    }
  }

  void save(Connection connection, Run run) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE relink_runs SET last_timestamp = ?, last_request_id = ?, done = ? WHERE id = ?")) {
      statement.setObject(1, run.lastTimestamp());
      statement.setObject(2, run.lastRequestId());
      statement.setLong(3, run.done());
      statement.setLong(4, run.id());
      statement.executeUpdate();
    }
  }

  void finish(Connection connection, Run run) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE relink_runs SET finished_at = ? WHERE id = ?")) {
      statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      statement.setLong(2, run.id());
      statement.executeUpdate();
    }
  }
}
