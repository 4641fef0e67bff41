package dev.claudenexus.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.StoredRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request page's query over rows seeded through SQL. */
abstract class RequestDetailQueryContract extends QueryContract {

  static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void findReadsEveryColumn() throws SQLException {
    UUID conversation = UUID.randomUUID();
    StoredRequest parent = StoredRequest.at(START).conversation(conversation, "main");
    StoredRequest request = StoredRequest.at(START.plusSeconds(5))
        .conversation(conversation, "branch_1").parent(parent.id()).cacheTokens(3, 400)
        .cost("0.0125").account("acc_1").responseHeaders("{\"content-type\":\"text/event-stream\"}");
    database.insert(parent, request);
    try (Connection connection = database.connection();
        PreparedStatement update = connection.prepareStatement("UPDATE api_requests SET"
            + " headers = ?, body = ?, response_body = ?, outcome = 'complete' WHERE request_id = ?")) {
      update.setObject(1, "{\"user-agent\":\"claude-cli\"}");
      update.setObject(2, "{\"messages\":[{\"role\":\"user\",\"content\":\"<script>x</script>\"}]}");
      update.setObject(3, "{\"content\":[]}");
      update.setObject(4, request.id());
      update.executeUpdate();
    }

    try (Connection connection = database.connection()) {
      RequestDetail detail = new RequestDetailQuery(connection).find(request.id()).orElseThrow();

      assertThat(detail.requestId()).isEqualTo(request.id());
      assertThat(detail.timestamp()).isEqualTo(START.plusSeconds(5));
      assertThat(detail.tokens().total()).isEqualTo(15);
      assertThat(detail.tokens().cacheRead()).isEqualTo(400);
      assertThat(detail.tokens().cacheCreation()).isEqualTo(3);
      assertThat(detail.costUsd()).isEqualByComparingTo("0.0125");
      assertThat(detail.accountId()).isEqualTo("acc_1");
      assertThat(detail.outcome()).isEqualTo("complete");
      assertThat(detail.linking().conversationId()).isEqualTo(conversation);
      assertThat(detail.linking().branchId()).isEqualTo("branch_1");
      assertThat(detail.linking().parentRequestId()).isEqualTo(parent.id());
      assertThat(detail.documents().requestBody()).contains("<script>x</script>");
      assertThat(detail.documents().requestHeaders()).contains("claude-cli");
      assertThat(detail.documents().responseHeaders()).contains("text/event-stream");
      assertThat(detail.documents().usageData()).isNull();
    }
  }

  @Test
  void findUnknownIdIsEmpty() throws SQLException {
    try (Connection connection = database.connection()) {
      assertThat(new RequestDetailQuery(connection).find(UUID.randomUUID())).isEqualTo(Optional.empty());
    }
  }

  @Test
  void chunksInOrderUpToLimit() throws SQLException {
    StoredRequest request = StoredRequest.at(START);
    database.insert(request);
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO streaming_chunks"
            + " (request_id, chunk_index, timestamp, data, event_type) VALUES (?, ?, ?, ?, ?)")) {
      for (int index : new int[] {2, 0, 1}) {
        insert.setObject(1, request.id());
        insert.setInt(2, index);
        insert.setObject(3, START.plusNanos(index * 1_000_000L));
        insert.setString(4, "{\"type\":\"ping\",\"n\":" + index + "}");
        insert.setString(5, "ping");
        insert.executeUpdate();
      }
    }

    try (Connection connection = database.connection()) {
      List<StreamChunk> chunks = new RequestDetailQuery(connection).chunks(request.id(), 2);

      assertThat(chunks).extracting(StreamChunk::index).containsExactly(0, 1);
      assertThat(chunks.get(1).data()).isEqualTo("{\"type\":\"ping\",\"n\":1}");
      assertThat(chunks.get(1).eventType()).isEqualTo("ping");
    }
  }
}
