package dev.claudenexus.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Fills {@code api_requests} with linked rows of small bodies (about 2 KB): sessions of 10 turns whose
 * hashes, parents and conversation ids have the shape real linking gives, so the linking indexes
 * grow as they would.
 */
final class SyntheticSessions {

  private static final int CHUNK = 50_000;

  private static final String POSTGRES_INSERT = """
      INSERT INTO api_requests (request_id, domain, timestamp, method, path, body, request_type,
          response_status, outcome, response_body, hash_mode, current_message_hash,
          parent_message_hash, system_hash, conversation_id, branch_id, message_count)
      SELECT gen_random_uuid(), 'synthetic-' || (g / 10 % 50) || '.example.com',
          TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '10 milliseconds', 'POST', '/v1/messages',
          jsonb_build_object('model', 'claude-sonnet-4-5', 'system', 'You are a synthetic session.',
              'messages', (SELECT jsonb_agg(jsonb_build_object(
                  'role', CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
                  'content', 'session ' || (g / 10) || ' message ' || i || ' '
                      || repeat('lorem ipsum ', 150 / (g % 10 + 1))))
                  FROM generate_series(0, 2 * (g % 10)) i)),
          'inference', 200, 'complete',
          jsonb_build_object('role', 'assistant', 'content', jsonb_build_array(
              jsonb_build_object('type', 'text', 'text', 'reply ' || g))),
          'current', encode(sha256(convert_to('s' || (g / 10) || 't' || (g % 10), 'UTF8')), 'hex'),
          CASE WHEN g % 10 = 0 THEN NULL
              ELSE encode(sha256(convert_to('s' || (g / 10) || 't' || (g % 10 - 1), 'UTF8')), 'hex') END,
          encode(sha256(convert_to('system', 'UTF8')), 'hex'), md5('s' || (g / 10))::uuid, 'main',
          2 * (g % 10) + 1
      FROM generate_series(?, ?) g
      """;

  private static final String H2_INSERT = """
      INSERT INTO api_requests (request_id, domain, timestamp, method, path, body, request_type,
          response_status, outcome, response_body, hash_mode, current_message_hash,
          parent_message_hash, system_hash, conversation_id, branch_id, message_count)
      SELECT RANDOM_UUID(), 'synthetic-' || MOD(X / 10, 50) || '.example.com',
          TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '0.01' SECOND,
          'POST', '/v1/messages',
          '{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"session ' || (X / 10)
              || ' ' || REPEAT('lorem ipsum ', 150) || '"}]}',
          'inference', 200, 'complete',
          '{"role":"assistant","content":[{"type":"text","text":"reply ' || X || '"}]}',
          'current', RAWTOHEX(HASH('SHA-256', 's' || (X / 10) || 't' || MOD(X, 10))),
          CASE WHEN MOD(X, 10) = 0 THEN NULL
              ELSE RAWTOHEX(HASH('SHA-256', 's' || (X / 10) || 't' || (MOD(X, 10) - 1))) END,
          RAWTOHEX(HASH('SHA-256', 'system')), RANDOM_UUID(), 'main', 2 * MOD(X, 10) + 1
      FROM SYSTEM_RANGE(?, ?)
      """;

  private SyntheticSessions() {}

  /** Inserts {@code rows} rows in chunks and returns the number inserted. */
  static long fill(DataSource dataSource, boolean postgres, long rows) throws SQLException {
    long start = System.nanoTime();
    long inserted = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(postgres ? POSTGRES_INSERT : H2_INSERT)) {
      for (long from = 0; from < rows; from += CHUNK) {
        statement.setLong(1, from);
        statement.setLong(2, Math.min(rows, from + CHUNK) - 1);
        inserted += statement.executeUpdate();
        System.err.printf(Locale.ROOT, "inserted %,d synthetic rows%n", inserted);
      }
      if (postgres) {
        try (var analyze = connection.createStatement()) {
          analyze.execute("ANALYZE api_requests");
        }
      }
    }
    System.err.printf(Locale.ROOT, "synthetic rows took %.0f s%n", (System.nanoTime() - start) / 1e9);
    return inserted;
  }
}
