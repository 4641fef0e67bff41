package dev.claudenexus.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values of the filled database that the benchmark's calls pick from: its domains and accounts,
 * a sample of request ids, and keyset cursors far down the newest-first order.
 *
 * <p>A cursor is the URL-safe Base64 form, without padding, of {@code TIMESTAMP|REQUEST_ID}, with the
 * timestamp as an ISO-8601 instant. That is the form {@code /api/requests} and
 * {@code /api/conversations} return as their next cursor, and both read it as "rows older than this
 * one". Building it from a row found over JDBC reaches a deep page without walking every page to it.
 */
record ApiFixture(List<String> domains, List<String> accounts, List<UUID> requestIds,
    List<UUID> conversationIds, List<String> deepCursors, int deepStep, List<String> domainCursors,
    int domainDepth) {

  /** Sampled request ids for the detail calls. */
  static final int SAMPLED_IDS = 200;
  /**
   * Rows between two deep cursors over all domains, and to the first one: page 1,000 of 100 rows.
   * A table of fewer than 1,000,000 rows gets cursors a tenth of its rows apart.
   */
  static final int DEEP_STEP = 100_000;
  /** Depth of the cursor of each domain, when the domain has more than twice as many rows. */
  static final int DOMAIN_DEPTH = 25_000;

  /** Reads the fixture from a database of {@code rows} requests. */
  static ApiFixture read(BenchDatabase database, long rows) throws SQLException {
    try (Connection connection = database.connect()) {
      List<String> domains = strings(connection, "SELECT DISTINCT domain FROM api_requests ORDER BY 1");
      List<String> accounts = strings(connection, "SELECT DISTINCT account_id FROM api_requests"
          + " WHERE account_id IS NOT NULL ORDER BY 1");
      List<UUID> ids = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT request_id FROM api_requests"
              + " TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT " + SAMPLED_IDS)) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      List<UUID> conversations = new ArrayList<>();
      try (java.sql.PreparedStatement statement = connection.prepareStatement(
          "SELECT DISTINCT conversation_id FROM api_requests WHERE request_id = ANY (?)"
              + " AND conversation_id IS NOT NULL")) {
        statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            conversations.add(rs.getObject(1, UUID.class));
          }
        }
      }
      int deepStep = (int) Math.max(1, Math.min(DEEP_STEP, rows / 10));
      List<String> deep = new ArrayList<>();
      for (long depth = deepStep; depth < rows; depth += deepStep) {
        deep.add(cursorAt(connection, null, depth));
      }
      int domainDepth = (int) Math.min(DOMAIN_DEPTH, rows / Math.max(1, domains.size()) / 2);
      List<String> perDomain = new ArrayList<>();
      for (String domain : domains) {
        perDomain.add(cursorAt(connection, domain, domainDepth));
      }
      return new ApiFixture(List.copyOf(domains), List.copyOf(accounts), List.copyOf(ids),
          List.copyOf(conversations), List.copyOf(deep), deepStep, List.copyOf(perDomain), domainDepth);
    }
  }

  String domain(Random random) {
    return domains.get(random.nextInt(domains.size()));
  }

  String account(Random random) {
    return accounts.get(random.nextInt(accounts.size()));
  }

  UUID requestId(Random random) {
    return requestIds.get(random.nextInt(requestIds.size()));
  }

  UUID conversationId(Random random) {
    return conversationIds.get(random.nextInt(conversationIds.size()));
  }

  String deepCursor(Random random) {
    return deepCursors.get(random.nextInt(deepCursors.size()));
  }

  /** Returns the index of a random domain, for {@link #domains} and {@link #domainCursors} together. */
  int domainIndex(Random random) {
    return random.nextInt(domains.size());
  }

  /** Returns the cursor after the row {@code depth} rows down the newest-first order. */
  private static String cursorAt(Connection connection, String domain, long depth)
      throws SQLException {
    String sql = "SELECT timestamp, request_id FROM api_requests"
        + (domain == null ? "" : " WHERE domain = ?")
        + " ORDER BY timestamp DESC, request_id DESC OFFSET ? LIMIT 1";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (domain != null) {
        statement.setString(index++, domain);
      }
      statement.setLong(index, depth);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No row " + depth + " rows deep"
              + (domain == null ? "" : " in domain " + domain));
        }
        String plain = rs.getObject(1, OffsetDateTime.class).toInstant() + "|"
            + rs.getObject(2, UUID.class);
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
