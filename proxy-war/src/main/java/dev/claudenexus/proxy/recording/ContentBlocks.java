package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The content blocks of a streamed message, by index, and the events that build them. */
final class ContentBlocks {

  /** The built content array and its {@code tool_use} blocks. */
  record Content(JsonArray blocks, List<ToolCall> toolCalls) {}

  private final Map<Integer, ContentBlockBuilder> blocks = new TreeMap<>();
  private final EventFlags flags;

  ContentBlocks(EventFlags flags) {
    this.flags = flags;
  }

  void start(String eventName, String data, JsonObject event) {
    int index = JsonSupport.index(event, "index");
    JsonObject block = JsonSupport.object(event, "content_block");
    if (index < 0 || block == null) {
      flags.add(Flag.MALFORMED_EVENT, eventName, data);
      return;
    }
    ContentBlockBuilder builder = new ContentBlockBuilder(block);
    if (!builder.isKnownType()) {
      flags.add(Flag.UNKNOWN_BLOCK_TYPE, eventName, data);
    }
    blocks.put(index, builder);
  }

  void delta(String eventName, String data, JsonObject event) {
    ContentBlockBuilder builder = find(eventName, data, event);
    if (builder == null) {
      return;
    }
    JsonObject delta = JsonSupport.object(event, "delta");
    if (delta == null) {
      flags.add(Flag.MALFORMED_EVENT, eventName, data);
    } else if (!builder.applyDelta(delta)) {
      flags.add(Flag.UNKNOWN_DELTA_TYPE, eventName, data);
    }
  }

  void stop(String eventName, String data, JsonObject event) {
    ContentBlockBuilder builder = find(eventName, data, event);
    if (builder != null) {
      builder.stop();
    }
  }

  /**
   * Builds the content array in index order. Streamed tool input that could not be parsed is
   * flagged in {@code resultFlags}, so that building twice never flags twice.
   */
  Content build(EventFlags resultFlags) {
    JsonArrayBuilder content = JSON.createArrayBuilder();
    List<ToolCall> toolCalls = new ArrayList<>();
    for (ContentBlockBuilder block : blocks.values()) {
      ContentBlockBuilder.ToolInput input = block.input();
      JsonObject json = block.toJson(input);
      content.add(json);
      if (block.hasStreamedInput() && !input.parsed()) {
        resultFlags.add(Flag.INPUT_NOT_PARSED, "content_block_delta", input.raw());
      }
      if ("tool_use".equals(block.type())) {
        toolCalls.add(toolCall(json, input));
      }
    }
    return new Content(content.build(), toolCalls);
  }

  private static ToolCall toolCall(JsonObject block, ContentBlockBuilder.ToolInput input) {
    String inputText = input.parsed() ? JsonSupport.write(input.value()) : input.raw();
    return new ToolCall(
        JsonSupport.string(block, "id"),
        JsonSupport.string(block, "name"),
        inputText,
        input.parsed());
  }

  private ContentBlockBuilder find(String eventName, String data, JsonObject event) {
    int index = JsonSupport.index(event, "index");
    if (index < 0) {
      flags.add(Flag.MALFORMED_EVENT, eventName, data);
      return null;
    }
    ContentBlockBuilder builder = blocks.get(index);
    if (builder == null) {
      flags.add(Flag.UNKNOWN_BLOCK_INDEX, eventName, data);
    }
    return builder;
  }
}
