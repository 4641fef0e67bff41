package dev.claudenexus.dashboard.pages.request;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code content} of messages into blocks for one page. It pairs each tool result with
 * the name of its call, turns results of Spark's recommendation tool into recommendation blocks,
 * shows each tool id once (Claude Code sometimes sends the same tool blocks again), and charges
 * every text to the page's budgets.
 */
final class ContentReader {

  private final TextBudget text;
  private final ImageSources.ImageBudget images;
  private final Map<String, String> toolNames;
  private final Map<String, String> shownUses = new HashMap<>();
  private final Map<String, String> shownResults = new HashMap<>();
  private int reminders;
  private int leftOut;

  /** {@code toolNames} maps the id of every tool call in the request and response to its name. */
  ContentReader(TextBudget text, ImageSources.ImageBudget images, Map<String, String> toolNames) {
    this.text = text;
    this.images = images;
    this.toolNames = toolNames;
  }

  /** Returns the blocks of a message's content, which is a string or an array of blocks. */
  List<MessageBlock> blocks(JsonValue content, String anchor) {
    List<MessageBlock> blocks = new ArrayList<>();
    if (content instanceof JsonString string) {
      addText(blocks, null, string.getString());
    } else if (content instanceof JsonArray array) {
      for (JsonValue item : array) {
        addBlock(blocks, item, anchor);
      }
    } else if (content != null && room()) {
      blocks.add(new MessageBlock.Other("content", text.take(JsonDocuments.pretty(content))));
    }
    return blocks;
  }

  int reminders() {
    return reminders;
  }

  /** Returns how many blocks were left out because the page had no room. */
  int leftOut() {
    return leftOut;
  }

  private void addBlock(List<MessageBlock> blocks, JsonValue item, String anchor) {
    if (!(item instanceof JsonObject block)) {
      if (room()) {
        blocks.add(new MessageBlock.Other("invalid", text.take(JsonDocuments.pretty(item))));
      }
      return;
    }
    String type = string(block, "type");
    switch (type == null ? "" : type) {
      case "text" -> addText(blocks, null, stringOrEmpty(block, "text"));
      case "thinking" -> addText(blocks, "Thinking", stringOrEmpty(block, "thinking"));
      case "redacted_thinking" -> addText(blocks, "Redacted thinking", "(encrypted by the API)");
      case "tool_use" -> addToolUse(blocks, block, anchor);
      case "tool_result" -> addToolResult(blocks, block, anchor);
      case "image" -> {
        if (room()) {
          blocks.add(ImageSources.image(block.get("source"), images));
        }
      }
      default -> {
        if (room()) {
          blocks.add(new MessageBlock.Other(type, text.take(JsonDocuments.pretty(block))));
        }
      }
    }
  }

  private void addText(List<MessageBlock> blocks, String label, String value) {
    for (ReminderSplitter.Segment segment : ReminderSplitter.split(value)) {
      if (!room()) {
        return;
      }
      if (segment.reminder()) {
        reminders++;
        blocks.add(new MessageBlock.Reminder(text.take(segment.text())));
      } else {
        blocks.add(new MessageBlock.Text(label, text.take(segment.text())));
      }
    }
  }

  private void addToolUse(List<MessageBlock> blocks, JsonObject block, String anchor) {
    String id = ToolIds.of(block.get("id"));
    if (!room()) {
      return;
    }
    if (id != null && shownUses.containsKey(id)) {
      blocks.add(new MessageBlock.Duplicate("tool_use", id, shownUses.get(id)));
      return;
    }
    if (id != null) {
      shownUses.put(id, anchor);
    }
    JsonValue input = block.get("input");
    String json = input == null ? "" : JsonDocuments.pretty(input);
    blocks.add(new MessageBlock.ToolUse(id, string(block, "name"), text.take(json)));
  }

  private void addToolResult(List<MessageBlock> blocks, JsonObject block, String anchor) {
    String id = ToolIds.of(block.get("tool_use_id"));
    if (!room()) {
      return;
    }
    if (id != null && shownResults.containsKey(id)) {
      blocks.add(new MessageBlock.Duplicate("tool_result", id, shownResults.get(id)));
      return;
    }
    if (id != null) {
      shownResults.put(id, anchor);
    }
    JsonValue value = block.get("content");
    if (id != null && SparkRecommendation.TOOL_NAME.equals(toolNames.get(id))) {
      var recommendation = SparkRecommendation.parse(value);
      if (recommendation.isPresent()) {
        SparkRecommendation spark = recommendation.get();
        blocks.add(new MessageBlock.Spark(id, spark.sessionId(), text.take(spark.request()),
            text.take(spark.response()), spark.error()));
        return;
      }
    }
    List<MessageBlock> content = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        addResultItem(content, item);
      }
    } else if (value instanceof JsonString string) {
      addText(content, null, string.getString());
    }
    boolean error = block.get("is_error") == JsonValue.TRUE;
    blocks.add(new MessageBlock.ToolResult(id, id == null ? null : toolNames.get(id), error,
        content));
  }

  /** Adds a block of a tool result's content: text or image; anything else as text. */
  private void addResultItem(List<MessageBlock> content, JsonValue item) {
    if (item instanceof JsonObject block && "text".equals(string(block, "type"))) {
      addText(content, null, stringOrEmpty(block, "text"));
    } else if (item instanceof JsonObject block && "image".equals(string(block, "type"))) {
      if (room()) {
        content.add(ImageSources.image(block.get("source"), images));
      }
    } else if (room()) {
      content.add(new MessageBlock.Text(null, text.take(JsonDocuments.pretty(item))));
    }
  }

  private boolean room() {
    if (text.hasRoomForBlock()) {
      return true;
    }
    leftOut++;
    return false;
  }

  private static String string(JsonObject block, String name) {
    return block.get(name) instanceof JsonString value ? value.getString() : null;
  }

  private static String stringOrEmpty(JsonObject block, String name) {
    String value = string(block, name);
    return value == null ? "" : value;
  }
}
