package dev.claudenexus.launcher;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Copies the streaming chunks of stored requests that the destination lacks, identified by request
 * and chunk index. The destination numbers the chunk ids itself. Chunks are read with a cursor and
 * written one at a time, so a long stream is never all in memory.
 */
final class ChunkCopier {

  /** Requests whose chunks are read per query. */
  private static final int BATCH_SIZE = 20;
  /** Chunk rows fetched per round trip. */
  private static final int FETCH_SIZE = 500;

  /** A chunk's key: the request and the chunk's position in its stream. */
  private record ChunkKey(UUID requestId, int chunkIndex) {}

  private final Connection source;
  private final DatabaseVendor sourceVendor;
  private final Connection destination;
  private final DatabaseVendor destinationVendor;

  /** @param destination the destination, or null for one without the proxy's tables yet */
  ChunkCopier(Connection source, DatabaseVendor sourceVendor, Connection destination,
      DatabaseVendor destinationVendor) {
    this.source = source;
    this.sourceVendor = sourceVendor;
    this.destination = destination;
    this.destinationVendor = destinationVendor;
  }

  /** Returns how many chunks of {@code requestIds} the destination lacks. */
  long countMissing(List<UUID> requestIds) throws SQLException {
    return missing(requestIds).size();
  }

  /** Copies the chunks of {@code requestIds} that the destination lacks and returns their number. */
  long copy(List<UUID> requestIds) throws SQLException {
    Set<ChunkKey> missing = missing(requestIds);
    if (missing.isEmpty()) {
      return 0;
    }
    SharedColumns columns = SharedColumns.of(source, destination, "streaming_chunks", Set.of("id"));
    int requestColumn = columns.indexOf("request_id");
    int indexColumn = columns.indexOf("chunk_index");
    long copied = 0;
    try (PreparedStatement insert = destination.prepareStatement(
        CopySql.insert(destinationVendor, "streaming_chunks", columns, "request_id, chunk_index"))) {
      for (List<UUID> batch : CopySql.batches(requestIds, BATCH_SIZE)) {
        try (PreparedStatement select = source.prepareStatement("SELECT " + columns.list()
            + " FROM streaming_chunks WHERE request_id = ANY(?) ORDER BY request_id, chunk_index")) {
          select.setFetchSize(FETCH_SIZE);
          select.setArray(1, CopySql.uuidArray(source, sourceVendor, batch));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              Object[] values = columns.read(rs);
              ChunkKey key = new ChunkKey((UUID) values[requestColumn],
                  ((Number) values[indexColumn]).intValue());
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

  private Set<ChunkKey> missing(List<UUID> requestIds) throws SQLException {
    Set<ChunkKey> keys = keys(source, sourceVendor, requestIds);
    if (destination != null) {
      keys.removeAll(keys(destination, destinationVendor, requestIds));
    }
    return keys;
  }

  private static Set<ChunkKey> keys(Connection connection, DatabaseVendor vendor,
      List<UUID> requestIds) throws SQLException {
    Set<ChunkKey> keys = new HashSet<>();
    if (requestIds.isEmpty()) {
      return keys;
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT request_id, chunk_index FROM streaming_chunks WHERE request_id = ANY(?)")) {
      statement.setArray(1, CopySql.uuidArray(connection, vendor, requestIds));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          keys.add(new ChunkKey(rs.getObject(1, UUID.class), rs.getInt(2)));
        }
      }
    }
    return keys;
  }
}
