package dev.claudenexus.api.requests;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one stored request with all its columns, and its stream chunks, by primary key. */
public final class RequestDetailQuery {

  private static final String REQUEST = "SELECT request_id, domain, timestamp, method, path,"
      + " query_string, model, request_type, response_status, outcome, error, error_type,"
      + " input_tokens, output_tokens, total_tokens, cache_read_input_tokens,"
      + " cache_creation_input_tokens, duration_ms, cost_usd, account_id, conversation_id,"
      + " branch_id, parent_request_id, parent_task_request_id, is_subtask, message_count,"
      + " tool_call_count, current_message_hash, parent_message_hash, system_hash, hash_mode,"
      + " session_id, headers, body, response_headers, response_body, usage_data,"
      + " task_tool_invocation FROM api_requests WHERE request_id = ?";
  private static final String CHUNKS = "SELECT chunk_index, timestamp, event_type, data,"
      + " token_count FROM streaming_chunks WHERE request_id = ? ORDER BY chunk_index LIMIT ?";

  private final Connection connection;

  public RequestDetailQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the request, or empty when no request has that id. */
  public Optional<RequestDetail> find(UUID requestId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(REQUEST)) {
      statement.setObject(1, requestId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Returns the first {@code limit} stream chunks of the request, in stream order. */
  public List<StreamChunk> chunks(UUID requestId, int limit) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CHUNKS)) {
      statement.setObject(1, requestId);
      statement.setInt(2, limit);
      try (ResultSet rs = statement.executeQuery()) {
        List<StreamChunk> chunks = new ArrayList<>();
        while (rs.next()) {
          chunks.add(new StreamChunk(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
              rs.getString(3), rs.getString(4), rs.getInt(5)));
        }
        return chunks;
      }
    }
  }

  private static RequestDetail read(ResultSet rs) throws SQLException {
    RequestDetail.Tokens tokens = new RequestDetail.Tokens(rs.getLong(13), rs.getLong(14),
        rs.getLong(15), rs.getLong(16), rs.getLong(17));
    RequestDetail.Linking linking = new RequestDetail.Linking(rs.getObject(21, UUID.class),
        rs.getString(22), rs.getObject(23, UUID.class), rs.getObject(24, UUID.class),
        rs.getBoolean(25), rs.getInt(26), rs.getInt(27), rs.getString(28), rs.getString(29),
        rs.getString(30), rs.getString(31), rs.getString(32));
    RequestDetail.Documents documents = new RequestDetail.Documents(rs.getString(33),
        rs.getString(34), rs.getString(35), rs.getString(36), rs.getString(37), rs.getString(38));
    BigDecimal cost = rs.getBigDecimal(19);
    return new RequestDetail(rs.getObject(1, UUID.class), rs.getString(2),
        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getObject(9, Integer.class), rs.getString(10),
        rs.getString(11), rs.getString(12), tokens, rs.getObject(18, Integer.class), cost,
        rs.getString(20), linking, documents);
  }
}
