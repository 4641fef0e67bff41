package dev.claudenexus.storage;

import dev.claudenexus.conversation.BranchNames;
import dev.claudenexus.conversation.ConversationLink;
import dev.claudenexus.conversation.MessageHashes;
import dev.claudenexus.conversation.TaskInvocation;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.usage.TokenUsage;
import dev.claudenexus.rollup.UsageRollups;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

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
          + " outcome, error_type, error, tool_call_count, upstream_attempts, hash_mode,"
          + " current_message_hash, parent_message_hash, system_hash, conversation_id, branch_id,"
          + " parent_request_id, is_subtask, parent_task_request_id, task_tool_invocation,"
          + " summary_response, session_id";

  private static final String VALUES =
      String.join(", ", Collections.nCopies(COLUMNS.split(",").length, "?"));

  private final DatabaseVendor vendor;
  private final SqlLog sqlLog;
  private final UsageRollups rollups;

  RequestRepository(DatabaseVendor vendor) {
    this(vendor, new SqlLog(false, 0));
  }

  RequestRepository(DatabaseVendor vendor, SqlLog sqlLog) {
    this.vendor = vendor;
    this.sqlLog = sqlLog;
    this.rollups = new UsageRollups(vendor);
  }

  /**
   * Inserts the records, their chunks and sub-agent launches in the caller's transaction, adds the
   * new rows to the {@link UsageRollups rollups}, and on PostgreSQL queues a {@link ChangeNotices
   * notice} that readers receive when it commits.
   *
   * @param idempotent whether a record may already be stored (a journal replay, a retry one by one).
   *     On H2 a plain insert costs about a quarter less CPU than {@code MERGE}, so live batches use
   *     it and fail on a duplicate; PostgreSQL's {@code ON CONFLICT DO NOTHING} costs nothing extra.
   */
  void insert(Connection connection, List<LinkedRecord> linked, boolean idempotent)
      throws SQLException {
    long start = System.nanoTime();
    String sql = insertRequestSql(idempotent);
    List<RequestRecord> records = linked.stream().map(LinkedRecord::record).toList();
    // Rows stored before (by an earlier attempt) are skipped by the insert, so they must not be
    // added to the rollups twice. On H2 a live batch fails on a stored id instead.
    Set<UUID> added = new LinkedHashSet<>();
    records.forEach(r -> added.add(r.requestId()));
    if (vendor == DatabaseVendor.POSTGRESQL) {
      useCustomPlans(connection);
    }
    if (idempotent || vendor == DatabaseVendor.POSTGRESQL) {
      added.removeAll(storedIds(connection, added));
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (LinkedRecord record : linked) {
        bind(statement, record.record());
        bindLink(statement, record, FIRST_LINK_COLUMN);
        statement.addBatch();
      }
      statement.executeBatch();
    }
    sqlLog.batch(sql, records, System.nanoTime() - start);
    insertChunks(connection, records);
    insertInvocations(connection, linked);
    rollups.addRows(connection, rollupRows(linked, added));
    ChangeNotices.send(connection, vendor, ChangeNotices.Kind.REQUESTS);
  }

  /**
   * Makes PostgreSQL plan each statement of the caller's transaction for its own values. A plan
   * that the server caches for a prepared statement stays in use until the table's statistics
   * change, so one made while {@code api_requests} was nearly empty scans the whole table for
   * {@code request_id = ANY(?)} after it has grown to thousands of rows.
   */
  private static void useCustomPlans(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
  }

  /**
   * Returns the rollup values of the records whose ids are in {@code added}, each once. Of two
   * records with one id, the row keeps the first, because the second insert does nothing.
   */
  private List<UsageRollups.Row> rollupRows(List<LinkedRecord> linked, Set<UUID> added) {
    Map<UUID, LinkedRecord> inserted = new LinkedHashMap<>();
    for (LinkedRecord record : linked) {
      UUID id = record.record().requestId();
      if (!added.contains(id)) {
        continue;
      }
      inserted.putIfAbsent(id, record);
    }
    return inserted.values().stream().map(RequestRepository::rollupRow).toList();
  }

  /** Returns the values that {@link #bind} and {@link #bindLink} store, as the rollups need them. */
  private static UsageRollups.Row rollupRow(LinkedRecord linked) {
    RequestRecord r = linked.record();
    TokenUsage u = r.usage();
    ConversationLink link = linked.link();
    return new UsageRollups.Row(r.timestamp(), r.domain(), r.accountId(), r.model(),
        r.requestType(), clamp(u.inputTokens()), clamp(u.outputTokens()), clamp(u.totalTokens()),
        clamp(u.cacheCreationInputTokens()), clamp(u.cacheReadInputTokens()), r.costUsd(),
        r.error(), r.durationMs(), r.toolCallCount(),
        link == null ? null : link.conversationId(),
        link == null || link.branchId() == null ? BranchNames.MAIN : link.branchId(),
        r.responseHeaders());
  }

  /** Returns those of {@code ids} that are stored already. */
  private Set<UUID> storedIds(Connection connection, Collection<UUID> ids) throws SQLException {
    Set<UUID> stored = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT request_id FROM api_requests WHERE request_id = ANY(?)")) {
      statement.setArray(1, uuidArray(connection, ids));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return stored;
  }

  private Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf(vendor == DatabaseVendor.POSTGRESQL ? "uuid" : "UUID",
        ids.toArray(new UUID[0]));
  }

  private String insertRequestSql(boolean idempotent) {
    if (!idempotent && vendor == DatabaseVendor.H2) {
      return "INSERT INTO api_requests (" + COLUMNS + ") VALUES (" + VALUES + ")";
    }
    if (vendor == DatabaseVendor.POSTGRESQL) {
      return "INSERT INTO api_requests ("
          + COLUMNS
          + ") VALUES ("
          + VALUES
          + ") ON CONFLICT (request_id) DO NOTHING";
    }
    // Like PostgreSQL's ON CONFLICT DO NOTHING, a stored row keeps its values: the rollups counted
    // them, and a journal replay must not replace them with those of another attempt.
    String sourceColumns = Arrays.stream(COLUMNS.split(","))
        .map(c -> "s." + c.trim()).collect(Collectors.joining(", "));
    return "MERGE INTO api_requests r USING (VALUES (" + VALUES + ")) s (" + COLUMNS
        + ") ON (r.request_id = s.request_id) WHEN NOT MATCHED THEN INSERT (" + COLUMNS
        + ") VALUES (" + sourceColumns + ")";
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

  /** The position of {@code hash_mode}, the first link column, in the insert statement. */
  private static final int FIRST_LINK_COLUMN = 34;

  private static final String LINK_COLUMNS =
      COLUMNS.substring(COLUMNS.indexOf("hash_mode")).replace(",", " = ?,") + " = ?";

  /**
   * Replaces the links and sub-agent launches of stored rows in the caller's transaction, rebuilds
   * the conversation rollup of the conversations the rows leave and join, and on PostgreSQL queues
   * a {@link ChangeNotices notice}.
   *
   * @return the number of rows that still exist
   */
  int updateLinks(Connection connection, List<LinkedRecord> linked) throws SQLException {
    Set<UUID> conversations = conversationsOf(connection,
        linked.stream().map(r -> r.record().requestId()).toList());
    linked.stream().map(LinkedRecord::link).filter(Objects::nonNull)
        .map(ConversationLink::conversationId).filter(Objects::nonNull)
        .forEach(conversations::add);
    String sql = "UPDATE api_requests SET " + LINK_COLUMNS + " WHERE request_id = ?";
    int updated = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (LinkedRecord record : linked) {
        int next = bindLink(statement, record, 1);
        statement.setObject(next, record.record().requestId());
        statement.addBatch();
      }
      for (int count : statement.executeBatch()) {
        updated += Math.max(0, count);
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM task_invocations WHERE request_id = ?")) {
      for (LinkedRecord record : linked) {
        statement.setObject(1, record.record().requestId());
        statement.addBatch();
      }
      statement.executeBatch();
    }
    insertInvocations(connection, linked);
    rollups.rebuildConversations(connection, conversations);
    ChangeNotices.send(connection, vendor, ChangeNotices.Kind.RELINKED);
    return updated;
  }

  /** Returns the conversations that the stored rows {@code requestIds} belong to now. */
  private Set<UUID> conversationsOf(Connection connection, Collection<UUID> requestIds)
      throws SQLException {
    Set<UUID> conversations = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT conversation_id"
        + " FROM api_requests WHERE request_id = ANY(?) AND conversation_id IS NOT NULL")) {
      statement.setArray(1, uuidArray(connection, requestIds));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          conversations.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return conversations;
  }

  /** Binds the link columns from {@code first} on and returns the next free position. */
  private int bindLink(PreparedStatement s, LinkedRecord linked, int first) throws SQLException {
    ConversationLink link = linked.link();
    MessageHashes hashes = link == null ? MessageHashes.NONE : link.hashes();
    int i = first;
    s.setString(i++, link == null ? null : link.mode().label());
    s.setString(i++, hashes.currentMessageHash());
    s.setString(i++, hashes.parentMessageHash());
    s.setString(i++, hashes.systemHash());
    s.setObject(i++, link == null ? null : link.conversationId());
    s.setString(i++, link == null || link.branchId() == null ? BranchNames.MAIN : link.branchId());
    s.setObject(i++, link == null ? null : link.parentRequestId());
    s.setBoolean(i++, link != null && link.subtask());
    s.setObject(i++, link == null ? null : link.parentTaskRequestId());
    setJson(s, i++, linked.taskToolInvocationJson());
    s.setBoolean(i++, linked.summaryResponse());
    s.setString(i++, linked.sessionId());
    return i;
  }

  private void insertInvocations(Connection connection, List<LinkedRecord> linked)
      throws SQLException {
    if (linked.stream().allMatch(r -> r.invocations().isEmpty())) {
      return;
    }
    String columns =
        "request_id, ordinal, domain, timestamp, tool_use_id, tool_name, prompt_hash, prompt";
    String sql = vendor == DatabaseVendor.POSTGRESQL
        ? "INSERT INTO task_invocations (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (request_id, ordinal) DO NOTHING"
        : "MERGE INTO task_invocations (" + columns + ") KEY (request_id, ordinal)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (LinkedRecord record : linked) {
        for (TaskInvocation invocation : record.invocations()) {
          statement.setObject(1, invocation.requestId());
          statement.setInt(2, invocation.ordinal());
          statement.setString(3, invocation.domain());
          statement.setObject(4, record.record().timestamp());
          statement.setString(5, invocation.toolUseId());
          statement.setString(6, invocation.toolName());
          statement.setString(7, invocation.promptHash());
          statement.setString(8, invocation.prompt());
          statement.addBatch();
        }
      }
      statement.executeBatch();
    }
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
