package dev.claudenexus.testsupport.claudecode;

import dev.claudenexus.testsupport.anthropic.BodyWrites;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One assistant message as the fake API streams it and as the client then keeps it in its transcript.
 *
 * <p>The same content blocks are sent as server-sent events by {@link #toFakeReply} and appended to a
 * session by {@link ClaudeCodeSession#receive}, so the transcript holds exactly what the client read.
 */
public final class AssistantReply {

  private final String messageId;
  private final List<JsonObject> content;
  private final List<ToolCall> toolCalls;
  private final String stopReason;

  private AssistantReply(String text, List<ToolCall> toolCalls, String stopReason) {
    this.messageId = "msg_01" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    this.toolCalls = List.copyOf(toolCalls);
    this.stopReason = stopReason;
    List<JsonObject> blocks = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      blocks.add(Json.createObjectBuilder().add("type", "text").add("text", text).build());
    }
    toolCalls.forEach(call -> blocks.add(call.toJson()));
    this.content = List.copyOf(blocks);
  }

  /** Creates a reply of one text block that ends the turn. */
  public static AssistantReply text(String text) {
    Objects.requireNonNull(text, "text");
    return new AssistantReply(text, List.of(), "end_turn");
  }

  /** Creates a reply of an optional lead-in text, then one {@code tool_use} block per call, in order. */
  public static AssistantReply toolUse(String text, ToolCall... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("A tool use reply needs at least one call");
    }
    return new AssistantReply(text, List.of(calls), "tool_use");
  }

  public String messageId() {
    return messageId;
  }

  /** Returns the content blocks as the client stores them: text, then tool uses. */
  public JsonArray content() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    content.forEach(array::add);
    return array.build();
  }

  List<JsonObject> contentBlocks() {
    return content;
  }

  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  public String stopReason() {
    return stopReason;
  }

  /** Returns the text of the text blocks, joined, or an empty string when there is none. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (JsonObject block : content) {
      if (block.getString("type").equals("text")) {
        text.append(block.getString("text"));
      }
    }
    return text.toString();
  }

  /** Returns a 200 event-stream reply for the fake API, one write per event as the API flushes them. */
  public FakeReply toFakeReply(String model) {
    return FakeReply.eventStream(BodyWrites.perEvent(ReplyStream.events(this, model), Duration.ZERO));
  }
}
