package dev.claudenexus.storage;

import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.usage.TokenUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Inserts recorded requests and their stream chunks with JDBC batches. Inserting a record whose
 * request id is already stored does nothing, so a journal replay after a partial write is safe.
 */
final class RequestRepository {

  private static final String COLUMNS =
      "request_id, domain, timestamp, method, path, query_string, headers, body, api_key_hash,"
          + " account_id, model, request_type, message_count, response_status, response_headers,"
          + " response_body, response_streaming, input_tokens, output_tokens, total_tokens,"
          + " cache_creation_input_tokens, cache_read_input_tokens, cache_creation_5m_input_tokens,"
          + " cache_creation_1h_input_tokens, usage_data, cost_usd, first_token_ms, duration_ms,"
          + " outcome, error_type, error, tool_call_count, upstream_attempts";

  private static final String VALUES =
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?";

  private final DatabaseVendor vendor;
  private final SqlLog sqlLog;

  RequestRepository(DatabaseVendor vendor) {
    this(vendor, new SqlLog(false, 0));
  }

  RequestRepository(DatabaseVendor vendor, SqlLog sqlLog) {
    this.vendor = vendor;
    this.sqlLog = sqlLog;
  }

  /** Inserts the records and their chunks in the caller's transaction. */
  void insert(Connection connection, List<RequestRecord> records) throws SQLException {
    long start = System.nanoTime();
    String sql = insertRequestSql();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (RequestRecord record : records) {
        bind(statement, record);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    sqlLog.batch(sql, records, System.nanoTime() - start);
    insertChunks(connection, records);
  }

  private String insertRequestSql() {
    if (vendor == DatabaseVendor.POSTGRESQL) {
      return "INSERT INTO api_requests ("
          + COLUMNS
          + ") VALUES ("
          + VALUES
          + ") ON CONFLICT (request_id) DO NOTHING";
    }
    return "MERGE INTO api_requests (" + COLUMNS + ") KEY (request_id) VALUES (" + VALUES + ")";
  }

  private void bind(PreparedStatement s, RequestRecord r) throws SQLException {
    TokenUsage u = r.usage();
    int i = 1;
    s.setObject(i++, r.requestId());
    s.setString(i++, r.domain());
    s.setObject(i++, r.timestamp());
    s.setString(i++, r.method());
    s.setString(i++, r.path());
    s.setString(i++, r.queryString());
    setJson(s, i++, r.requestHeaders());
    setJson(s, i++, r.requestBody());
    s.setString(i++, r.apiKeyHash());
    s.setString(i++, r.accountId());
    s.setString(i++, r.model());
    s.setString(i++, r.requestType());
    s.setInt(i++, r.messageCount());

    s.setInt(i++, r.responseStatus());
    setJson(s, i++, r.responseHeaders());
    setJson(s, i++, r.responseBody());
    s.setBoolean(i++, r.streaming());

    s.setInt(i++, clamp(u.inputTokens()));
    s.setInt(i++, clamp(u.outputTokens()));
    s.setInt(i++, clamp(u.totalTokens()));
    s.setInt(i++, clamp(u.cacheCreationInputTokens()));
    s.setInt(i++, clamp(u.cacheReadInputTokens()));
    s.setInt(i++, clamp(u.cacheCreation5mInputTokens()));
    s.setInt(i++, clamp(u.cacheCreation1hInputTokens()));
    setJson(s, i++, r.usageJson());
    s.setBigDecimal(i++, r.costUsd());
    if (r.firstTokenMs() == null) {
      s.setNull(i++, Types.INTEGER);
    } else {
      s.setInt(i++, r.firstTokenMs());
    }
    s.setInt(i++, r.durationMs());

    s.setString(i++, r.outcome());
    s.setString(i++, r.errorType());
    s.setString(i++, r.error());
    s.setInt(i++, r.toolCallCount());
    s.setInt(i, r.upstreamAttempts());
  }

  private void setJson(PreparedStatement s, int index, String json) throws SQLException {
    if (json == null) {
      s.setNull(index, Types.VARCHAR);
    } else if (vendor == DatabaseVendor.POSTGRESQL) {
      s.setObject(index, json, Types.OTHER);
    } else {
      s.setString(index, json);
    }
  }

  private void insertChunks(Connection connection, List<RequestRecord> records)
      throws SQLException {
    if (records.stream().allMatch(r -> r.chunks().isEmpty())) {
      return;
    }
    String sql =
        vendor == DatabaseVendor.POSTGRESQL
            ? "INSERT INTO streaming_chunks (request_id, chunk_index, timestamp, event_type, data)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, chunk_index) DO NOTHING"
            : "MERGE INTO streaming_chunks (request_id, chunk_index, timestamp, event_type, data)"
                + " KEY (request_id, chunk_index) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (RequestRecord record : records) {
        for (RequestRecord.StoredChunk chunk : record.chunks()) {
          statement.setObject(1, record.requestId());
          statement.setInt(2, chunk.index());
          statement.setObject(3, chunk.timestamp());
          statement.setString(4, chunk.eventType());
          statement.setString(5, chunk.data());
          statement.addBatch();
        }
      }
      statement.executeBatch();
    }
  }

  private static int clamp(long tokens) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, tokens));
  }
}
