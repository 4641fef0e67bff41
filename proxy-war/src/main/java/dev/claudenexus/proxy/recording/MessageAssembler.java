package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a Messages API response from its streaming events: {@code message_start}, the
 * {@code content_block_*} events, {@code message_delta}, {@code message_stop} and {@code error}.
 * {@code ping} is ignored. Events of other types are counted and flagged, and never stop the
 * recording.
 */
final class MessageAssembler {

  static final String ENDED_BEFORE_STOP = "ended before message_stop";
  static final String RECORDER_STOPPED = "recorder stopped after an internal failure";

  /** Characters of raw event data kept as the error message of an error event without one. */
  static final int MAX_RAW_MESSAGE_CHARS = 500;

  private static final Set<String> BUILT_FIELDS =
      Set.of("id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage");

  private final EventFlags flags = new EventFlags();
  private final ContentBlocks blocks = new ContentBlocks(flags);
  private final UsageAccumulator usage = new UsageAccumulator();
  private final Map<String, JsonValue> deltaFields = new LinkedHashMap<>();
  private JsonObject message;
  private boolean messageStopped;
  private String errorType;
  private String errorMessage;
  private int unknownEventCount;

  void onEvent(String eventName, String data) {
    if ("ping".equals(eventName)) {
      return;
    }
    JsonObject event = JsonSupport.parseObject(data);
    String type = eventName != null ? eventName : JsonSupport.string(event, "type");
    if ("error".equals(type)) {
      recordError(data, event);
    } else if (type == null || (event == null && isKnown(type))) {
      flags.add(Flag.MALFORMED_EVENT, eventName, data);
    } else {
      apply(type, eventName, data, event);
    }
  }

  void flag(Flag flag, String eventName, String data) {
    flags.add(flag, eventName, data);
  }

  private static boolean isKnown(String type) {
    return switch (type) {
      case "message_start", "content_block_start", "content_block_delta", "content_block_stop",
          "message_delta", "message_stop", "ping" -> true;
      default -> false;
    };
  }

  private void apply(String type, String eventName, String data, JsonObject event) {
    switch (type) {
      case "message_start" -> startMessage(eventName, data, event);
      case "content_block_start" -> blocks.start(eventName, data, event);
      case "content_block_delta" -> blocks.delta(eventName, data, event);
      case "content_block_stop" -> blocks.stop(eventName, data, event);
      case "message_delta" -> applyMessageDelta(event);
      case "message_stop" -> messageStopped = true;
      case "ping" -> {
        // Keeps the connection alive and carries nothing to record.
      }
      default -> {
        unknownEventCount++;
        flags.add(Flag.UNKNOWN_EVENT, eventName, data);
      }
    }
  }

  private void startMessage(String eventName, String data, JsonObject event) {
    JsonObject started = JsonSupport.object(event, "message");
    if (started == null) {
      flags.add(Flag.MALFORMED_EVENT, eventName, data);
      return;
    }
    message = started;
    usage.merge(JsonSupport.object(started, "usage"));
  }

  private void applyMessageDelta(JsonObject event) {
    JsonObject delta = JsonSupport.object(event, "delta");
    if (delta != null) {
      deltaFields.putAll(delta);
    }
    usage.merge(JsonSupport.object(event, "usage"));
  }

  /** Records the first error event. An error event that is not valid JSON still counts. */
  private void recordError(String data, JsonObject event) {
    if (errorType != null) {
      return;
    }
    JsonObject error = JsonSupport.object(event, "error");
    String type = JsonSupport.string(error, "type");
    String text = JsonSupport.string(error, "message");
    errorType = type == null ? "api_error" : type;
    errorMessage = text != null ? text : truncate(data, MAX_RAW_MESSAGE_CHARS);
  }

  static String truncate(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars);
  }

  /**
   * Builds the record of the events seen so far. Calling it again after more events builds a
   * new record and leaves this assembler unchanged.
   *
   * @param recorderStopped whether the recorder stopped reading input after an internal failure
   */
  RecordedResponse toResponse(List<StreamChunk> chunks, boolean recorderStopped) {
    EventFlags resultFlags = flags.copy();
    ContentBlocks.Content content = blocks.build(resultFlags);
    JsonObject usageJson = usage.toJson();
    String body = JsonSupport.write(messageJson(content, usageJson));
    Outcome outcome = outcome();
    String reason = null;
    if (outcome == Outcome.INCOMPLETE) {
      reason = recorderStopped ? RECORDER_STOPPED : ENDED_BEFORE_STOP;
    }
    return new RecordedResponse(
        true,
        outcome,
        JsonSupport.string(message, "model"),
        UsageAccumulator.toTokenUsage(usageJson),
        usageJson,
        body,
        content.toolCalls().size(),
        content.toolCalls(),
        errorType,
        errorMessage,
        reason,
        unknownEventCount,
        resultFlags.count(),
        resultFlags.events(),
        chunks);
  }

  private Outcome outcome() {
    if (errorType != null) {
      return Outcome.ERROR;
    }
    return messageStopped ? Outcome.COMPLETE : Outcome.INCOMPLETE;
  }

  /** Builds the message in the shape of a non-streaming response, keeping any extra fields. */
  private JsonObject messageJson(ContentBlocks.Content content, JsonObject usageJson) {
    JsonObjectBuilder out = JSON.createObjectBuilder();
    out.add("id", messageField("id"));
    out.add("type", "message");
    out.add("role", messageField("role"));
    out.add("model", messageField("model"));
    out.add("content", content.blocks());
    out.add("stop_reason", deltaFields.getOrDefault("stop_reason", messageField("stop_reason")));
    out.add("stop_sequence",
        deltaFields.getOrDefault("stop_sequence", messageField("stop_sequence")));
    out.add("usage", usageJson == null ? JsonValue.NULL : usageJson);
    addExtraFields(out, message);
    addExtraFields(out, deltaFields);
    return out.build();
  }

  private JsonValue messageField(String key) {
    JsonValue value = message == null ? null : message.get(key);
    return value == null ? JsonValue.NULL : value;
  }

  private static void addExtraFields(JsonObjectBuilder out, Map<String, JsonValue> fields) {
    if (fields == null) {
      return;
    }
    fields.forEach((key, value) -> {
      if (!BUILT_FIELDS.contains(key)) {
        out.add(key, value);
      }
    });
  }
}
