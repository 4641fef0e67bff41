package dev.claudenexus.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Fills {@code api_requests} on PostgreSQL with synthetic rows shaped like stored Messages API calls,
 * with INSERT ... SELECT over {@code generate_series}, in batches, within a time budget.
 *
 * <p>Each row has a request body of about 2 KB: a user message of about 900 characters of MD5 hex,
 * which PostgreSQL's pglz compression cannot shrink, plus about 840 characters of a repeated sentence,
 * which it can. Rows spread over 20 domains and accounts, three models and conversations of ten
 * requests, so every index of the table gets distinct keys. A conversation stays in one domain and
 * account, as Claude Code's do, and its requests alternate between the models. Their timestamps are spread evenly over
 * the 30 days before the insert, newest first: row {@code g} of {@code target} is
 * {@code g * 30 days / target} old.
 */
final class SyntheticRows {

  private static final Logger LOG = Logger.getLogger(SyntheticRows.class.getName());
  /** The age of the oldest row: 30 days. */
  private static final long SPREAD_SECONDS = 30L * 24 * 3600;

  private static final String INSERT = """
      INSERT INTO api_requests (
        request_id, domain, timestamp, method, path, headers, body, api_key_hash, account_id, model,
        request_type, message_count, response_status, response_headers, response_body,
        response_streaming, input_tokens, output_tokens, total_tokens, cache_creation_input_tokens,
        cache_read_input_tokens, usage_data, cost_usd, first_token_ms, duration_ms, outcome,
        tool_call_count, upstream_attempts, current_message_hash, parent_message_hash,
        conversation_id, branch_id, system_hash)
      SELECT
        md5('bench-row-' || g)::uuid,
        'team' || ((g / 10) % 20) || '.example.com',
        now() - make_interval(secs => g * ?::double precision),
        'POST',
        '/v1/messages',
        jsonb_build_object('content-type', 'application/json', 'anthropic-version', '2023-06-01',
            'user-agent', 'claude-cli/1.0.' || (g % 50), 'accept', 'application/json'),
        jsonb_build_object('model', m.model, 'max_tokens', 4096,
            'system', jsonb_build_array(jsonb_build_object('type', 'text',
                'text', 'You are a coding assistant working in a repository.')),
            'messages', jsonb_build_array(jsonb_build_object('role', 'user', 'content', t.text))),
        encode(sha256(convert_to('key' || ((g / 10) % 20), 'UTF8')), 'hex'),
        'acc_' || ((g / 10) % 20),
        m.model,
        'inference',
        1 + g % 20,
        200,
        jsonb_build_object('content-type', 'application/json', 'request-id', 'req_' || md5(g::text)),
        jsonb_build_object('id', 'msg_' || md5(g::text), 'type', 'message', 'role', 'assistant',
            'model', m.model,
            'content', jsonb_build_array(jsonb_build_object('type', 'text',
                'text', 'Done. ' || md5((g + 1)::text))),
            'stop_reason', 'end_turn', 'stop_sequence', null,
            'usage', jsonb_build_object('input_tokens', 500 + g % 1000, 'output_tokens', 20 + g % 300)),
        g % 3 = 0,
        500 + g % 1000,
        20 + g % 300,
        520 + g % 1000 + g % 300,
        0,
        g % 5000,
        jsonb_build_object('input_tokens', 500 + g % 1000, 'output_tokens', 20 + g % 300),
        (500 + g % 1000) * 0.000003 + (20 + g % 300) * 0.000015,
        200 + g % 800,
        400 + g % 4000,
        'complete',
        g % 3,
        1,
        encode(sha256(convert_to('message-' || g, 'UTF8')), 'hex'),
        encode(sha256(convert_to('message-' || (g - 1), 'UTF8')), 'hex'),
        md5('conversation-' || (g / 10))::uuid,
        'main',
        encode(sha256(convert_to('system-' || (g % 50), 'UTF8')), 'hex')
      FROM generate_series(?::bigint, ?::bigint) AS g
      CROSS JOIN LATERAL (
        SELECT (ARRAY['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5'])[1 + (g % 3)::int] AS model
      ) m
      CROSS JOIN LATERAL (
        SELECT (SELECT string_agg(md5((g * 32 + k)::text), ' ') FROM generate_series(1, 28) AS k)
            || ' ' || repeat('Please review the change set and explain each failing test. ', 14) AS text
      ) t
      """;

  /** Rows inserted, time taken, and the table's size afterwards. */
  record Fill(long rows, Duration insertTime, Duration analyzeTime, long tableBytes, long averageBodyBytes) {

    double rowsPerSecond() {
      return rows / Math.max(0.001, insertTime.toMillis() / 1000.0);
    }
  }

  private SyntheticRows() {
  }

  /**
   * Inserts up to {@code target} rows in batches of {@code batchRows}, and starts no batch that would
   * end after {@code budget} if it took as long as the batch before it. Then runs ANALYZE and a CHECKPOINT so
   * that neither runs during the next measurement.
   */
  static Fill insert(BenchDatabase database, long target, int batchRows, Duration budget)
      throws SQLException {
    long start = System.nanoTime();
    long inserted = 0;
    long lastBatchNanos = 0;
    try (Connection connection = database.connect();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      while (inserted < target) {
        long elapsed = System.nanoTime() - start;
        if (elapsed + lastBatchNanos > budget.toNanos()) {
          break;
        }
        long from = inserted + 1;
        long to = Math.min(target, inserted + batchRows);
        long batchStart = System.nanoTime();
        insert.setDouble(1, (double) SPREAD_SECONDS / target);
        insert.setLong(2, from);
        insert.setLong(3, to);
        insert.executeUpdate();
        lastBatchNanos = System.nanoTime() - batchStart;
        inserted = to;
        long done = inserted;
        long batchMillis = lastBatchNanos / 1_000_000;
        LOG.info(() -> "Inserted synthetic rows up to " + done + " (last batch " + batchMillis + " ms)");
      }
      Duration insertTime = Duration.ofNanos(System.nanoTime() - start);
      long analyzeStart = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE api_requests");
        statement.execute("CHECKPOINT");
      }
      Duration analyzeTime = Duration.ofNanos(System.nanoTime() - analyzeStart);
      return new Fill(inserted, insertTime, analyzeTime, tableBytes(connection), averageBodyBytes(connection));
    }
  }

  private static long tableBytes(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_total_relation_size('api_requests')")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Returns the mean length of the request body as JSON text, over a sample of synthetic rows. */
  private static long averageBodyBytes(Connection connection) throws SQLException {
    String query = "SELECT coalesce(avg(octet_length(body::text)), 0)::bigint FROM"
        + " (SELECT body FROM api_requests WHERE domain LIKE 'team%.example.com' LIMIT 1000) AS sample";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
