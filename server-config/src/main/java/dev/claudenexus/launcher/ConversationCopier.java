package dev.claudenexus.launcher;

import dev.claudenexus.launcher.RequestOrder.RequestNode;
import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
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

  /** Rows written by {@link #copy}. */
  record CopyResult(List<UUID> requests, long taskInvocations, long chunks) {}

  private final Connection source;
  private final DatabaseVendor sourceVendor;
  private final Connection destination;
  private final DatabaseVendor destinationVendor;
  private final ChunkCopier chunks;

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
    this.chunks = new ChunkCopier(source, sourceVendor, destination, destinationVendor);
  }

  /**
   * Works out what {@link #copy} would write. The plan's chunk count is -1 unless
   * {@code includeChunks}.
   */
  CopyPlan plan(UUID conversationId, boolean includeChunks) throws SQLException {
    List<RequestNode> nodes = readNodes(conversationId);
    List<UUID> ids = nodes.stream().map(RequestNode::id).toList();
    Set<UUID> present = existing(ids);
    List<RequestNode> missing = nodes.stream().filter(n -> !present.contains(n.id())).toList();
    List<UUID> order = RequestOrder.parentsFirst(missing);
    long invocations = countTaskInvocations(order);
    long chunkCount = includeChunks ? chunks.countMissing(ids) : -1;
    return new CopyPlan(conversationId, nodes.size(), order,
        ids.stream().filter(present::contains).toList(), cleared(ids, missing), invocations,
        chunkCount);
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
    for (List<UUID> batch : CopySql.batches(plan.requests(), BATCH_SIZE)) {
      inserted.addAll(copyRequests(columns, batch, clearedColumns));
    }
    long invocations = copyTaskInvocations(inserted);
    List<UUID> all = new ArrayList<>(plan.present());
    all.addAll(plan.requests());
    long chunkCount = plan.includesChunks() ? chunks.copy(all) : 0;
    new UsageRollups(destinationVendor).add(destination, inserted);
    return new CopyResult(List.copyOf(inserted), invocations, chunkCount);
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

  /** Returns the references of {@code missing} to requests neither in {@code ids} nor present. */
  private List<CopyPlan.ClearedReference> cleared(List<UUID> ids, List<RequestNode> missing)
      throws SQLException {
    Set<UUID> copied = new HashSet<>(ids);
    Set<UUID> outside = new HashSet<>();
    for (RequestNode node : missing) {
      node.references().stream().filter(r -> r != null && !copied.contains(r)).forEach(outside::add);
    }
    Set<UUID> outsidePresent = existing(outside);
    List<CopyPlan.ClearedReference> cleared = new ArrayList<>();
    for (RequestNode node : missing) {
      for (int i = 0; i < RequestOrder.REFERENCES.size(); i++) {
        UUID reference = node.references().get(i);
        if (reference != null && !copied.contains(reference) && !outsidePresent.contains(reference)) {
          cleared.add(new CopyPlan.ClearedReference(node.id(), RequestOrder.REFERENCES.get(i),
              reference));
        }
      }
    }
    return List.copyOf(cleared);
  }

  /** Returns which of {@code ids} the destination has. */
  private Set<UUID> existing(Collection<UUID> ids) throws SQLException {
    Set<UUID> found = new HashSet<>();
    if (destination == null || ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement statement = destination.prepareStatement(
        "SELECT request_id FROM api_requests WHERE request_id = ANY(?)")) {
      statement.setArray(1, CopySql.uuidArray(destination, destinationVendor, ids));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return found;
  }

  private List<UUID> copyRequests(SharedColumns columns, List<UUID> batch,
      Map<UUID, Set<String>> clearedColumns) throws SQLException {
    Map<UUID, Object[]> rows = new HashMap<>();
    int idColumn = columns.indexOf("request_id");
    try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
        + " FROM api_requests WHERE request_id = ANY(?)")) {
      select.setArray(1, CopySql.uuidArray(source, sourceVendor, batch));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Object[] values = columns.read(rs);
          rows.put((UUID) values[idColumn], values);
        }
      }
    }
    List<UUID> inserted = new ArrayList<>();
    try (PreparedStatement insert = destination.prepareStatement(
        CopySql.insert(destinationVendor, "api_requests", columns, "request_id"))) {
      for (UUID id : batch) {
        Object[] values = rows.get(id);
        if (values == null) {
          continue; // The source snapshot keeps planned rows, so only a changed id ends here.
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

  private long countTaskInvocations(List<UUID> requests) throws SQLException {
    if (requests.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = source.prepareStatement(
        "SELECT COUNT(*) FROM task_invocations WHERE request_id = ANY(?)")) {
      statement.setArray(1, CopySql.uuidArray(source, sourceVendor, requests));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long copyTaskInvocations(List<UUID> requests) throws SQLException {
    if (requests.isEmpty()) {
      return 0;
    }
    SharedColumns columns = SharedColumns.of(source, destination, "task_invocations", Set.of());
    long copied = 0;
    try (PreparedStatement insert = destination.prepareStatement(
        CopySql.insert(destinationVendor, "task_invocations", columns, "request_id, ordinal"))) {
      for (List<UUID> batch : CopySql.batches(requests, BATCH_SIZE)) {
        try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
            + " FROM task_invocations WHERE request_id = ANY(?)")) {
          select.setArray(1, CopySql.uuidArray(source, sourceVendor, batch));
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
}
