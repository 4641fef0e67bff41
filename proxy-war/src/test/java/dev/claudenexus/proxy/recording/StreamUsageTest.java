package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class StreamUsageTest {

  private static RecordedResponse stream(String startUsage, String deltaUsage) {
    return Sse.record(Sse.messageStart(startUsage)
        + Sse.event("content_block_start", Sse.textBlockStart(0))
        + Sse.event("content_block_delta", Sse.textDelta(0, "ok"))
        + Sse.event("content_block_stop", Sse.blockStop(0))
        + Sse.event("message_delta", Sse.messageDelta("end_turn", deltaUsage))
        + Sse.messageStop());
  }

  @Test
  void deltaOutputReplacesStartOutput() {
    RecordedResponse response = stream(
        "{\"input_tokens\":50,\"cache_creation_input_tokens\":120,"
            + "\"cache_read_input_tokens\":2400,\"output_tokens\":1}",
        "{\"output_tokens\":87}");

    assertEquals(new TokenUsage(50, 87, 120, 2400, 0, 0), response.usage());
  }

  @Test
  void cacheFieldsOnlyInDelta() {
    RecordedResponse response = stream(
        "{\"input_tokens\":50,\"output_tokens\":1}",
        "{\"output_tokens\":87,\"cache_creation_input_tokens\":120,"
            + "\"cache_read_input_tokens\":2400}");

    assertEquals(new TokenUsage(50, 87, 120, 2400, 0, 0), response.usage());
  }

  @Test
  void repeatedDeltaFieldsLaterWins() {
    RecordedResponse response = stream(
        "{\"input_tokens\":50,\"cache_creation_input_tokens\":120,"
            + "\"cache_read_input_tokens\":2400,\"output_tokens\":1}",
        "{\"input_tokens\":60,\"cache_creation_input_tokens\":130,"
            + "\"cache_read_input_tokens\":2500,\"output_tokens\":87}");

    assertEquals(new TokenUsage(60, 87, 130, 2500, 0, 0), response.usage());
  }

  @Test
  void twoDeltasNeverAdd() {
    RecordedResponse response = Sse.record(Sse.messageStart("{\"input_tokens\":5,\"output_tokens\":1}")
        + Sse.event("message_delta", Sse.messageDelta("end_turn", "{\"output_tokens\":40}"))
        + Sse.event("message_delta", Sse.messageDelta("end_turn", "{\"output_tokens\":90}"))
        + Sse.messageStop());

    assertEquals(90, response.usage().outputTokens());
    assertEquals(5, response.usage().inputTokens());
  }

  @Test
  void cacheCreationBreakdownIsRead() {
    RecordedResponse response = stream(
        "{\"input_tokens\":3,\"cache_creation_input_tokens\":300,\"cache_read_input_tokens\":0,"
            + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,"
            + "\"ephemeral_1h_input_tokens\":200},\"output_tokens\":1}",
        "{\"output_tokens\":9}");

    assertEquals(new TokenUsage(3, 9, 300, 0, 100, 200), response.usage());
  }

  @Test
  void usageJsonKeepsOtherFields() {
    RecordedResponse response = stream(
        "{\"input_tokens\":3,\"output_tokens\":1,\"service_tier\":\"standard\"}",
        "{\"output_tokens\":9,\"server_tool_use\":{\"web_search_requests\":2}}");

    JsonObject usage = response.usageJson();
    assertEquals("standard", usage.getString("service_tier"));
    assertEquals(2, usage.getJsonObject("server_tool_use").getInt("web_search_requests"));
    assertEquals(9, usage.getInt("output_tokens"));
    assertEquals(usage, Sse.body(response).getJsonObject("usage"));
  }

  @Test
  void nullInDeltaKeepsEarlierCount() {
    RecordedResponse response = stream(
        "{\"input_tokens\":50,\"output_tokens\":1}",
        "{\"input_tokens\":null,\"output_tokens\":7}");

    assertEquals(50, response.usage().inputTokens());
    assertEquals(7, response.usage().outputTokens());
  }

  @Test
  void hostileCountsAreClamped() {
    RecordedResponse response = stream(
        "{\"input_tokens\":-5,\"output_tokens\":1e999,\"cache_read_input_tokens\":2.7,"
            + "\"cache_creation_input_tokens\":\"12\"}",
        "{}");

    assertEquals(new TokenUsage(0, Long.MAX_VALUE, 0, 2, 0, 0), response.usage());
  }
}
