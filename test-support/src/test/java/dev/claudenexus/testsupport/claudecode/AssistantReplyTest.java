package dev.claudenexus.testsupport.claudecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssistantReplyTest {

  private static final String MODEL = "claude-opus-5-5";

  @Test
  void streamRebuildsToolUseContent() {
    AssistantReply reply = AssistantReply.toolUse("Let me look at both files first.",
        ToolCall.read("/home/dev/ledger/src/Totals.java"), ToolCall.bash("git log -3 --oneline", "Recent commits"));

    List<JsonObject> events = events(reply);

    assertEquals(reply.content(), rebuild(events));
    assertEquals("tool_use", events.get(events.size() - 2).getJsonObject("delta").getString("stop_reason"));
  }

  @Test
  void streamRebuildsLongText() {
    AssistantReply reply = AssistantReply.text(Compaction.sampleResponse("ledger", "tag-2"));

    List<JsonObject> events = events(reply);

    assertEquals(reply.content(), rebuild(events));
    assertEquals("end_turn", events.get(events.size() - 2).getJsonObject("delta").getString("stop_reason"));
    assertTrue(events.size() > 60, "a long text arrives in many deltas");
  }

  @Test
  void streamStartsWithMessageId() {
    AssistantReply reply = AssistantReply.text("Done.");

    JsonObject start = events(reply).get(0);

    assertEquals("message_start", start.getString("type"));
    assertEquals(reply.messageId(), start.getJsonObject("message").getString("id"));
    assertEquals(MODEL, start.getJsonObject("message").getString("model"));
  }

  /** Parses the data lines of the event stream. */
  private static List<JsonObject> events(AssistantReply reply) {
    String stream = new String(ReplyStream.events(reply, MODEL), StandardCharsets.UTF_8);
    List<JsonObject> events = new ArrayList<>();
    for (String event : stream.split("\n\n")) {
      String data = event.substring(event.indexOf("\ndata: ") + "\ndata: ".length());
      events.add(Json.createReader(new StringReader(data)).readObject());
    }
    return events;
  }

  /** Joins the deltas of each content block back into the block, as a streaming client does. */
  private static JsonArray rebuild(List<JsonObject> events) {
    List<JsonObject> starts = new ArrayList<>();
    List<StringBuilder> pieces = new ArrayList<>();
    for (JsonObject event : events) {
      switch (event.getString("type")) {
        case "content_block_start" -> {
          starts.add(event.getJsonObject("content_block"));
          pieces.add(new StringBuilder());
        }
        case "content_block_delta" -> {
          JsonObject delta = event.getJsonObject("delta");
          String piece = delta.getString("type").equals("text_delta")
              ? delta.getString("text") : delta.getString("partial_json");
          pieces.get(event.getInt("index")).append(piece);
        }
        default -> { }
      }
    }
    JsonArrayBuilder content = Json.createArrayBuilder();
    for (int i = 0; i < starts.size(); i++) {
      JsonObjectBuilder block = Json.createObjectBuilder(starts.get(i));
      if (starts.get(i).getString("type").equals("text")) {
        block.add("text", pieces.get(i).toString());
      } else {
        block.add("input", Json.createReader(new StringReader(pieces.get(i).toString())).readObject());
      }
      content.add(block);
    }
    return content.build();
  }
}
