package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays two real streamed responses of claude-opus-4-20250514 with a text block and a tool_use
 * block. Each resource contains the parsed data of every event ({@code metadata.streamingChunks}),
 * the message the original proxy stored ({@code body}) and its counts ({@code metadata}).
 */
class RecordedStreamsTest {

  private static JsonObject load(String name) throws IOException {
    try (InputStream in = RecordedStreamsTest.class.getResourceAsStream("/recording/" + name)) {
      assertNotNull(in, "missing test resource " + name);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JsonSupport.parseObject(text).getJsonObject("response");
    }
  }

  /** Rebuilds the SSE bytes: each event is named after its data's type, as the API names them. */
  private static byte[] toStream(JsonObject response) {
    StringBuilder stream = new StringBuilder();
    for (JsonValue chunk : response.getJsonObject("metadata").getJsonArray("streamingChunks")) {
      String type = chunk.asJsonObject().getString("type");
      stream.append(Sse.event(type, JsonSupport.write(chunk)));
    }
    return Sse.utf8(stream.toString());
  }

  private static List<ToolCall> toolCallsOf(JsonObject body) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonValue block : body.getJsonArray("content")) {
      JsonObject object = block.asJsonObject();
      if ("tool_use".equals(object.getString("type"))) {
        calls.add(new ToolCall(object.getString("id"), object.getString("name"),
            JsonSupport.write(object.getJsonObject("input")), true));
      }
    }
    return calls;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "inference_streaming_with_tools_with_system_opus-1750420376296-im7ygz453.json",
      "inference_streaming_with_tools_with_system_opus-1750420386819-wixegs6ph.json"})
  void replayedStreamMatchesStoredMessage(String name) throws IOException {
    JsonObject stored = load(name);
    JsonObject body = stored.getJsonObject("body");
    JsonObject metadata = stored.getJsonObject("metadata");

    RecordedResponse response = Sse.recordInPieces(toStream(stored), 97);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(body, Sse.body(response));
    assertEquals(body.getJsonArray("content").getJsonObject(0).getString("text"),
        Sse.text(response));
    assertEquals(toolCallsOf(body), response.toolCalls());
    assertEquals(metadata.getInt("toolCalls"), response.toolCallCount());
    assertEquals(metadata.getJsonNumber("inputTokens").longValue(),
        response.usage().inputTokens());
    assertEquals(metadata.getJsonNumber("outputTokens").longValue(),
        response.usage().outputTokens());
    assertEquals(body.getJsonObject("usage"), response.usageJson());
    assertEquals(body.getString("model"), response.model());
    assertEquals(0, response.flaggedEventCount());
  }
}
