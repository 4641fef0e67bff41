package dev.claudenexus.proxy.recording;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records a non-streaming Messages API response, or an error body, from its bytes. */
public final class JsonResponseReader {

  private JsonResponseReader() {}

  /**
   * Reads a response body. It never throws on the body's content.
   *
   * <p>A 2xx JSON body gives usage, model and {@code tool_use} blocks, with the body text as
   * received as {@code responseBody}. A 2xx body that is not JSON gives COMPLETE with no usage
   * and a null body. A non-2xx body gives ERROR: an Anthropic error object gives its type and
   * message, anything else gives {@code api_error} with the first 500 characters of the text.
   *
   * @param body the response body, or null for none
   * @param httpStatus the HTTP status code of the response
   */
  public static RecordedResponse read(byte[] body, int httpStatus) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    JsonValue json = JsonSupport.parse(text);
    boolean success = httpStatus >= 200 && httpStatus < 300;
    if (success) {
      return readMessage(json, json == null ? null : text);
    }
    return readError(json, json == null ? null : text, text, httpStatus);
  }

  private static RecordedResponse readMessage(JsonValue json, String responseBody) {
    JsonObject message = json instanceof JsonObject object ? object : null;
    JsonObject usage = JsonSupport.object(message, "usage");
    List<ToolCall> toolCalls = toolCalls(JsonSupport.array(message, "content"));
    return new RecordedResponse(false, Outcome.COMPLETE, JsonSupport.string(message, "model"),
        UsageAccumulator.toTokenUsage(usage), usage, responseBody, toolCalls.size(), toolCalls,
        null, null, null, 0, 0, List.of(), List.of());
  }

  private static RecordedResponse readError(
      JsonValue json, String responseBody, String text, int httpStatus) {
    JsonObject error = JsonSupport.object(json instanceof JsonObject o ? o : null, "error");
    String type = JsonSupport.string(error, "type");
    String message = JsonSupport.string(error, "message");
    if (type == null) {
      type = "api_error";
      message = text.isEmpty()
          ? "empty response body with HTTP status " + httpStatus
          : MessageAssembler.truncate(text, MessageAssembler.MAX_RAW_MESSAGE_CHARS);
    }
    return new RecordedResponse(false, Outcome.ERROR, null, TokenUsage.NONE, null, responseBody,
        0, List.of(), type, message, null, 0, 0, List.of(), List.of());
  }

  private static List<ToolCall> toolCalls(JsonArray content) {
    List<ToolCall> toolCalls = new ArrayList<>();
    if (content == null) {
      return toolCalls;
    }
    for (JsonValue block : content) {
      JsonObject object = block instanceof JsonObject o ? o : null;
      if ("tool_use".equals(JsonSupport.string(object, "type"))) {
        JsonValue input = object.get("input");
        toolCalls.add(new ToolCall(
            JsonSupport.string(object, "id"),
            JsonSupport.string(object, "name"),
            input == null ? "" : JsonSupport.write(input),
            input instanceof JsonObject));
      }
    }
    return toolCalls;
  }
}
