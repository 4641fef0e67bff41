package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builders of SSE test streams and readers of the records they produce. */
final class Sse {

  static final String MESSAGE_START =
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_X\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
          + "\"stop_reason\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}";

  /** A complete stream with one text block "Hello", 10 input and 5 output tokens. */
  static final String S0 =
      event("message_start", MESSAGE_START)
          + event("content_block_start", textBlockStart(0))
          + event("ping", "{\"type\": \"ping\"}")
          + event("content_block_delta", textDelta(0, "Hello"))
          + event("content_block_stop", blockStop(0))
          + event("message_delta", messageDelta("end_turn", "{\"output_tokens\":5}"))
          + event("message_stop", "{\"type\":\"message_stop\"}");

  private Sse() {}

  static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  static String messageStart(String usage) {
    return event("message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_X\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
            + "\"stop_reason\":null,\"usage\":" + usage + "}}");
  }

  static String textBlockStart(int index) {
    return "{\"type\":\"content_block_start\",\"index\":" + index
        + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}";
  }

  static String blockStart(int index, String contentBlock) {
    return "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":"
        + contentBlock + "}";
  }

  static String textDelta(int index, String text) {
    String quoted = JsonSupport.write(JSON.createValue(text));
    return delta(index, "{\"type\":\"text_delta\",\"text\":" + quoted + "}");
  }

  static String inputJsonDelta(int index, String partialJson) {
    String quoted = JsonSupport.write(JSON.createValue(partialJson));
    return delta(index, "{\"type\":\"input_json_delta\",\"partial_json\":" + quoted + "}");
  }

  static String delta(int index, String delta) {
    return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":" + delta + "}";
  }

  static String blockStop(int index) {
    return "{\"type\":\"content_block_stop\",\"index\":" + index + "}";
  }

  static String messageDelta(String stopReason, String usage) {
    return "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null},\"usage\":" + usage + "}";
  }

  static String messageStop() {
    return event("message_stop", "{\"type\":\"message_stop\"}");
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Records a stream fed in one read. */
  static RecordedResponse record(String stream) {
    return record(List.of(utf8(stream)));
  }

  /** Records a stream fed as the given reads, without keeping chunks. */
  static RecordedResponse record(List<byte[]> reads) {
    StreamRecorder recorder = new StreamRecorder(false);
    for (byte[] read : reads) {
      recorder.accept(read, 0, read.length);
    }
    recorder.finish();
    return recorder.result();
  }

  /** Records a stream fed in reads of {@code size} bytes. */
  static RecordedResponse recordInPieces(byte[] stream, int size) {
    StreamRecorder recorder = new StreamRecorder(false);
    for (int offset = 0; offset < stream.length; offset += size) {
      recorder.accept(stream, offset, Math.min(size, stream.length - offset));
    }
    recorder.finish();
    return recorder.result();
  }

  static JsonObject body(RecordedResponse response) {
    return JsonSupport.parseObject(response.responseBody());
  }

  static JsonArray content(RecordedResponse response) {
    return body(response).getJsonArray("content");
  }

  /** Returns the text of all text blocks, concatenated. */
  static String text(RecordedResponse response) {
    StringBuilder text = new StringBuilder();
    for (JsonValue block : content(response)) {
      JsonObject object = block.asJsonObject();
      if ("text".equals(object.getString("type"))) {
        text.append(object.getString("text"));
      }
    }
    return text.toString();
  }

  static List<Flag> flags(RecordedResponse response) {
    return response.flaggedEvents().stream().map(FlaggedEvent::flag).toList();
  }
}
