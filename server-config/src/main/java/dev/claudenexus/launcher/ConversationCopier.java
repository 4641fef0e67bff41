package dev.claudenexus.launcher;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Copies the stored requests of one conversation, with their task invocations and optionally their
 * streaming chunks, from the source database to the destination, and adds them to the
 * destination's usage rollups. Rows the destination has already (same key) are skipped. It works in
 * the callers' transactions and reads the rows in small batches, so large bodies are never all in
 * memory at once.
 */
final class ConversationCopier {

  /** Requests read and written per round trip. */
  private static final int BATCH_SIZE = 20;
  private static final List<String> REFERENCES = List.of("parent_request_id", "parent_task_request_id");

  private record RequestNode(UUID id, UUID parentRequestId, UUID parentTaskRequestId) {
    List<UUID> references() {
      List<UUID> references = new ArrayList<>(2);
      references.add(parentRequestId);
      references.add(parentTaskRequestId);
      return references;
    }
  }

  /** Rows written by {@link #copy}. */
  record CopyResult(List<UUID> requests, long taskInvocations, long chunks) {}

  private final Connection source;
  private final DatabaseVendor sourceVendor;
  private final Connection destination;
  private final DatabaseVendor destinationVendor;

  /**
   * @param destination the destination, or null for one without the proxy's tables yet, which a
   *     dry run treats as empty
   */
  ConversationCopier(Connection source, DatabaseVendor sourceVendor, Connection destination,
      DatabaseVendor destinationVendor) {
    this.source = source;
    this.sourceVendor = sourceVendor;
    this.destination = destination;
    this.destinationVendor = destinationVendor;
  }

  /** Works out what {@link #copy} would write; {@code chunks} is -1 unless {@code includeChunks}. */
  CopyPlan plan(UUID conversationId, boolean includeChunks) throws SQLException {
    List<RequestNode> nodes = readNodes(conversationId);
    List<UUID> ids = nodes.stream().map(RequestNode::id).toList();
    Set<UUID> present = existing(ids);
    List<RequestNode> missing = nodes.stream().filter(n -> !present.contains(n.id())).toList();

    Set<UUID> copied = new HashSet<>(ids);
    Set<UUID> outside = new HashSet<>();
    missing.forEach(n -> n.references().stream()
        .filter(r -> r != null && !copied.contains(r)).forEach(outside::add));
    Set<UUID> outsidePresent = existing(outside);
    List<CopyPlan.ClearedReference> cleared = new ArrayList<>();
    for (RequestNode node : missing) {
      for (int i = 0; i < REFERENCES.size(); i++) {
        UUID reference = node.references().get(i);
        if (reference != null && !copied.contains(reference) && !outsidePresent.contains(reference)) {
          cleared.add(new CopyPlan.ClearedReference(node.id(), REFERENCES.get(i), reference));
        }
      }
    }
    List<UUID> order = parentsFirst(missing);
    long invocations = count(source, sourceVendor,
        "SELECT COUNT(*) FROM task_invocations WHERE request_id = ANY(?)", order);
    long chunks = includeChunks ? missingChunks(ids).size() : -1;
    return new CopyPlan(conversationId, nodes.size(), order, List.copyOf(present),
        List.copyOf(cleared), invocations, chunks);
  }

  /**
   * Writes what {@code plan} lists and adds the inserted requests to the destination's rollups, in
   * the destination connection's transaction, which the caller commits.
   */
  CopyResult copy(CopyPlan plan) throws SQLException {
    SharedColumns columns = SharedColumns.of(source, destination, "api_requests", Set.of());
    Map<UUID, Set<String>> clearedColumns = new HashMap<>();
    plan.cleared().forEach(c ->
        clearedColumns.computeIfAbsent(c.requestId(), id -> new HashSet<>()).add(c.column()));
    List<UUID> inserted = new ArrayList<>();
    for (List<UUID> batch : batches(plan.requests(), BATCH_SIZE)) {
      inserted.addAll(copyRequests(columns, batch, clearedColumns));
    }
    long invocations = copyTaskInvocations(inserted);
    long chunks = plan.includesChunks() ? copyChunks(plan) : 0;
    new UsageRollups(destinationVendor).add(destination, inserted);
    return new CopyResult(List.copyOf(inserted), invocations, chunks);
  }

  private List<RequestNode> readNodes(UUID conversationId) throws SQLException {
    List<RequestNode> nodes = new ArrayList<>();
    try (PreparedStatement statement = source.prepareStatement("SELECT request_id,"
        + " parent_request_id, parent_task_request_id FROM api_requests WHERE conversation_id = ?"
        + " ORDER BY timestamp, request_id")) {
      statement.setObject(1, conversationId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          nodes.add(new RequestNode(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
              rs.getObject(3, UUID.class)));
        }
      }
    }
    return nodes;
  }

  /** Returns which of {@code ids} the destination has. */
  private Set<UUID> existing(Collection<UUID> ids) throws SQLException {
    Set<UUID> found = new HashSet<>();
    if (destination == null || ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement statement = destination.prepareStatement(
        "SELECT request_id FROM api_requests WHERE request_id = ANY(?)")) {
      statement.setArray(1, uuidArray(destination, destinationVendor, ids));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return found;
  }

  /**
   * Orders {@code nodes} (in time order) so that a request comes after the requests among them that
   * it refers to, as the foreign keys need when each row is inserted.
   */
  private static List<UUID> parentsFirst(List<RequestNode> nodes) {
    Map<UUID, RequestNode> byId = new HashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    List<UUID> order = new ArrayList<>(nodes.size());
    Set<UUID> placed = new HashSet<>();
    Set<UUID> pending = new HashSet<>();
    java.util.Deque<RequestNode> stack = new java.util.ArrayDeque<>();
    for (RequestNode start : nodes) {
      stack.push(start);
      pending.add(start.id());
      while (!stack.isEmpty()) {
        RequestNode node = stack.peek();
        RequestNode parent = node.references().stream()
            .filter(r -> r != null && byId.containsKey(r) && !placed.contains(r) && !pending.contains(r))
            .map(byId::get).findFirst().orElse(null);
        if (parent != null) {
          stack.push(parent);
          pending.add(parent.id());
          continue;
        }
        stack.pop();
        pending.remove(node.id());
        if (placed.add(node.id())) {
          order.add(node.id());
        }
      }
    }
    return order;
  }

  private List<UUID> copyRequests(SharedColumns columns, List<UUID> batch,
      Map<UUID, Set<String>> clearedColumns) throws SQLException {
    Map<UUID, Object[]> rows = new HashMap<>();
    int idIndex = columns.indexOf("request_id");
    try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
        + " FROM api_requests WHERE request_id = ANY(?)")) {
      select.setArray(1, uuidArray(source, sourceVendor, batch));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Object[] values = columns.read(rs);
          rows.put((UUID) values[idIndex], values);
        }
      }
    }
    List<UUID> inserted = new ArrayList<>();
    try (PreparedStatement insert = destination.prepareStatement(
        insertSql("api_requests", columns, "request_id"))) {
      for (UUID id : batch) {
        Object[] values = rows.get(id);
        if (values == null) {
          continue; // deleted at the source since the plan was made
        }
        for (String column : clearedColumns.getOrDefault(id, Set.of())) {
          int index = columns.indexOf(column);
          if (index >= 0) {
            values[index] = null;
          }
        }
        columns.bind(insert, values);
        if (insert.executeUpdate() == 1) {
          inserted.add(id);
        }
      }
    }
    return inserted;
  }

  private long copyTaskInvocations(List<UUID> requests) throws SQLException {
    if (requests.isEmpty()) {
      return 0;
    }
    SharedColumns columns = SharedColumns.of(source, destination, "task_invocations", Set.of());
    long copied = 0;
    try (PreparedStatement insert = destination.prepareStatement(
        insertSql("task_invocations", columns, "request_id, ordinal"))) {
      for (List<UUID> batch : batches(requests, BATCH_SIZE)) {
        try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
            + " FROM task_invocations WHERE request_id = ANY(?)")) {
          select.setArray(1, uuidArray(source, sourceVendor, batch));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              columns.bind(insert, columns.read(rs));
              copied += insert.executeUpdate();
            }
          }
        }
      }
    }
    return copied;
  }

  /** A streaming chunk's key: the request and the chunk's position in its stream. */
  private record ChunkKey(UUID requestId, int chunkIndex) {}

  private Set<ChunkKey> missingChunks(List<UUID> requestIds) throws SQLException {
    Set<ChunkKey> keys = chunkKeys(source, sourceVendor, requestIds);
    if (destination != null) {
      keys.removeAll(chunkKeys(destination, destinationVendor, requestIds));
    }
    return keys;
  }

  private static Set<ChunkKey> chunkKeys(Connection connection, DatabaseVendor vendor,
      List<UUID> requestIds) throws SQLException {
    Set<ChunkKey> keys = new HashSet<>();
    if (requestIds.isEmpty()) {
      return keys;
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT request_id, chunk_index FROM streaming_chunks WHERE request_id = ANY(?)")) {
      statement.setArray(1, uuidArray(connection, vendor, requestIds));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          keys.add(new ChunkKey(rs.getObject(1, UUID.class), rs.getInt(2)));
        }
      }
    }
    return keys;
  }

  /** Copies the chunks of every request of the conversation that the destination lacks. */
  private long copyChunks(CopyPlan plan) throws SQLException {
    List<UUID> all = new ArrayList<>(plan.present());
    all.addAll(plan.requests());
    Set<ChunkKey> missing = missingChunks(all);
    if (missing.isEmpty()) {
      return 0;
    }
    // The destination numbers its own chunk ids.
    SharedColumns columns = SharedColumns.of(source, destination, "streaming_chunks", Set.of("id"));
    int requestIndex = columns.indexOf("request_id");
    int chunkIndex = columns.indexOf("chunk_index");
    long copied = 0;
    try (PreparedStatement insert = destination.prepareStatement(
        insertSql("streaming_chunks", columns, "request_id, chunk_index"))) {
      for (List<UUID> batch : batches(all, BATCH_SIZE)) {
        try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
            + " FROM streaming_chunks WHERE request_id = ANY(?) ORDER BY request_id, chunk_index")) {
          select.setFetchSize(500);
          select.setArray(1, uuidArray(source, sourceVendor, batch));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              Object[] values = columns.read(rs);
              ChunkKey key = new ChunkKey((UUID) values[requestIndex],
                  ((Number) values[chunkIndex]).intValue());
              if (missing.contains(key)) {
                columns.bind(insert, values);
                copied += insert.executeUpdate();
              }
            }
          }
        }
      }
    }
    return copied;
  }

  /**
   * Builds the insert of one row. On PostgreSQL a row that appeared since the plan (a proxy writing
   * the same request) is skipped; H2 has no such clause and fails the transaction instead.
   */
  private String insertSql(String table, SharedColumns columns, String key) {
    String parameters = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    String sql = "INSERT INTO " + table + " (" + columns.list() + ") VALUES (" + parameters + ")";
    return destinationVendor == DatabaseVendor.POSTGRESQL
        ? sql + " ON CONFLICT (" + key + ") DO NOTHING" : sql;
  }

  private static long count(Connection connection, DatabaseVendor vendor, String sql,
      List<UUID> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, uuidArray(connection, vendor, ids));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Array uuidArray(Connection connection, DatabaseVendor vendor, Collection<UUID> ids)
      throws SQLException {
    return connection.createArrayOf(vendor == DatabaseVendor.POSTGRESQL ? "uuid" : "UUID",
        ids.toArray(new UUID[0]));
  }

  private static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      batches.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return batches;
  }
}
