package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamContentTest {

  private static RecordedResponse withBlocks(String... events) {
    return Sse.record(Sse.event("message_start", Sse.MESSAGE_START)
        + String.join("", events)
        + Sse.event("message_delta", Sse.messageDelta("end_turn", "{\"output_tokens\":5}"))
        + Sse.messageStop());
  }

  private static String sse(String name, String data) {
    return Sse.event(name, data);
  }

  @Test
  void pingContributesNothing() {
    String withoutPing = Sse.S0.replace(Sse.event("ping", "{\"type\": \"ping\"}"), "");
    String manyPings = Sse.S0.replace("event: message_stop",
        "event: ping\ndata: {\"type\":\"ping\"}\n\nevent: message_stop");

    assertEquals(Sse.record(withoutPing), Sse.record(Sse.S0));
    assertEquals(Sse.record(withoutPing), Sse.record(manyPings));
  }

  @Test
  void unknownEventIsKeptAndFlagged() {
    String stream = Sse.S0.replace("event: message_stop",
        "event: something_new\ndata: {\"type\":\"something_new\",\"x\":1}\n\nevent: message_stop");

    RecordedResponse response = Sse.record(stream);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(1, response.unknownEventCount());
    assertEquals(new FlaggedEvent(Flag.UNKNOWN_EVENT, "something_new",
        "{\"type\":\"something_new\",\"x\":1}", false), response.flaggedEvents().get(0));
    assertEquals("Hello", Sse.text(response));
  }

  @Test
  void malformedEventIsFlaggedAndSkipped() {
    String stream = Sse.S0.replace("event: message_stop",
        "event: content_block_delta\ndata: {not json\n\nevent: message_stop");

    RecordedResponse response = Sse.record(stream);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(List.of(Flag.MALFORMED_EVENT), Sse.flags(response));
    assertEquals("{not json", response.flaggedEvents().get(0).data());
  }

  @Test
  void citationsDeltaKeptInTextBlock() {
    String citation = "{\"type\":\"char_location\",\"cited_text\":\"sky\",\"document_index\":0}";
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.textBlockStart(0)),
        sse("content_block_delta", Sse.delta(0,
            "{\"type\":\"citations_delta\",\"citation\":" + citation + "}")),
        sse("content_block_delta", Sse.textDelta(0, "The sky is blue.")),
        sse("content_block_stop", Sse.blockStop(0)));

    JsonObject block = Sse.content(response).getJsonObject(0);
    assertEquals(JsonSupport.parse("[" + citation + "]"), block.getJsonArray("citations"));
    assertEquals("The sky is blue.", block.getString("text"));
    assertEquals(0, response.flaggedEventCount());
  }

  @Test
  void unknownDeltaTypeIsFlagged() {
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.textBlockStart(0)),
        sse("content_block_delta", Sse.delta(0, "{\"type\":\"sparkle_delta\",\"x\":1}")),
        sse("content_block_delta", Sse.textDelta(0, "ok")),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(List.of(Flag.UNKNOWN_DELTA_TYPE), Sse.flags(response));
    assertEquals("ok", Sse.text(response));
  }

  @Test
  void thinkingAndSignatureAreKept() {
    RecordedResponse response = withBlocks(
        sse("content_block_start",
            Sse.blockStart(0, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}")),
        sse("content_block_delta", Sse.delta(0,
            "{\"type\":\"thinking_delta\",\"thinking\":\"Let me think\"}")),
        sse("content_block_delta", Sse.delta(0,
            "{\"type\":\"thinking_delta\",\"thinking\":\" step by step.\"}")),
        sse("content_block_delta", Sse.delta(0,
            "{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM\"}")),
        sse("content_block_stop", Sse.blockStop(0)),
        sse("content_block_start",
            Sse.blockStart(1, "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgB\"}")),
        sse("content_block_stop", Sse.blockStop(1)),
        sse("content_block_start", Sse.textBlockStart(2)),
        sse("content_block_delta", Sse.textDelta(2, "Answer")),
        sse("content_block_stop", Sse.blockStop(2)));

    assertEquals(JsonSupport.parse("["
            + "{\"type\":\"thinking\",\"thinking\":\"Let me think step by step.\","
            + "\"signature\":\"EqQBCgIYAhIM\"},"
            + "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgB\"},"
            + "{\"type\":\"text\",\"text\":\"Answer\"}]"),
        Sse.content(response));
    assertEquals(0, response.flaggedEventCount());
  }

  @Test
  void unknownBlockTypeKeptAsGiven() {
    String block = "{\"type\":\"hologram\",\"payload\":{\"a\":[1,2]}}";
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.blockStart(0, block)),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(JsonSupport.parse(block), Sse.content(response).get(0));
    assertEquals(List.of(Flag.UNKNOWN_BLOCK_TYPE), Sse.flags(response));
    assertEquals(Outcome.COMPLETE, response.outcome());
  }

  @Test
  void blockWithoutTypeIsFlagged() {
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.blockStart(0, "{\"text\":\"\"}")),
        sse("content_block_delta", Sse.textDelta(0, "typeless")),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(List.of(Flag.UNKNOWN_BLOCK_TYPE), Sse.flags(response));
    assertEquals(JsonSupport.parse("{\"text\":\"typeless\"}"), Sse.content(response).get(0));
  }

  @Test
  void serverToolUseIsNotToolCall() {
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.blockStart(0,
            "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\","
                + "\"input\":{}}")),
        sse("content_block_delta", Sse.inputJsonDelta(0, "{\"query\": \"wea")),
        sse("content_block_delta", Sse.inputJsonDelta(0, "ther\"}")),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(0, response.toolCallCount());
    assertEquals(JsonSupport.parse("{\"query\":\"weather\"}"),
        Sse.content(response).getJsonObject(0).get("input"));
  }

  @Test
  void toolUseWithoutDeltasKeepsStartInput() {
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.blockStart(0,
            "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"Now\",\"input\":{}}")),
        sse("content_block_delta", Sse.inputJsonDelta(0, "")),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(new ToolCall("toolu_2", "Now", "{}", true), response.toolCalls().get(0));
  }

  @Test
  void textAndToolBlocksInIndexOrder() {
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.textBlockStart(0)),
        sse("content_block_delta", Sse.textDelta(0, "Reading.")),
        sse("content_block_stop", Sse.blockStop(0)),
        sse("content_block_start", Sse.blockStart(1,
            "{\"type\":\"tool_use\",\"id\":\"toolu_a\",\"name\":\"Read\",\"input\":{}}")),
        sse("content_block_delta", Sse.inputJsonDelta(1, "{\"path\":\"a\"}")),
        sse("content_block_stop", Sse.blockStop(1)),
        sse("content_block_start", Sse.blockStart(2,
            "{\"type\":\"tool_use\",\"id\":\"toolu_b\",\"name\":\"Read\",\"input\":{}}")),
        sse("content_block_delta", Sse.inputJsonDelta(2, "{\"path\":\"b\"}")),
        sse("content_block_stop", Sse.blockStop(2)));

    assertEquals(2, response.toolCallCount());
    assertEquals(List.of(
            new ToolCall("toolu_a", "Read", "{\"path\":\"a\"}", true),
            new ToolCall("toolu_b", "Read", "{\"path\":\"b\"}", true)),
        response.toolCalls());
    assertEquals("Reading.", Sse.text(response));
  }

  @Test
  void deltaForUnopenedBlockIsFlagged() {
    RecordedResponse response = withBlocks(sse("content_block_delta", Sse.textDelta(4, "lost")));

    assertEquals(List.of(Flag.UNKNOWN_BLOCK_INDEX), Sse.flags(response));
    assertEquals(Outcome.COMPLETE, response.outcome());
  }

  @Test
  void oversizedEventIsDroppedAndRecordingContinues() {
    StreamRecorder recorder = new StreamRecorder(false, 300);
    String big = Sse.event("content_block_delta", Sse.textDelta(0, "x".repeat(400)));
    byte[] stream = Sse.utf8(Sse.S0.replace("event: content_block_stop",
        big + "event: content_block_stop"));
    recorder.accept(stream, 0, stream.length);
    recorder.finish();

    RecordedResponse response = recorder.result();
    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(List.of(Flag.OVERSIZED_EVENT), Sse.flags(response));
    assertEquals("Hello", Sse.text(response));
  }

  @Test
  void deeplyNestedEventIsMalformed() {
    String nested = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
        + "[".repeat(5000) + "]".repeat(5000) + "}";
    String stream = Sse.S0.replace("event: content_block_stop",
        Sse.event("content_block_delta", nested) + "event: content_block_stop");

    RecordedResponse response = Sse.record(stream);

    assertEquals(List.of(Flag.MALFORMED_EVENT), Sse.flags(response));
    assertEquals("Hello", Sse.text(response));
  }

  @Test
  void nestedBlockWithinLimitIsKept() {
    String block = "{\"type\":\"hologram\",\"layers\":" + "[".repeat(900) + "]".repeat(900)
        + "}";
    RecordedResponse response = withBlocks(
        sse("content_block_start", Sse.blockStart(0, block)),
        sse("content_block_stop", Sse.blockStop(0)));

    assertEquals(JsonSupport.parse(block), Sse.content(response).get(0));
  }

  @Test
  void flaggedEventsAreBounded() {
    String unknown = sse("odd", "{\"type\":\"odd\"}");
    RecordedResponse response = Sse.record(Sse.S0 + unknown.repeat(EventFlags.MAX_EVENTS + 8));

    assertEquals(EventFlags.MAX_EVENTS + 8, response.flaggedEventCount());
    assertEquals(EventFlags.MAX_EVENTS, response.flaggedEvents().size());
    assertEquals(EventFlags.MAX_EVENTS + 8, response.unknownEventCount());
    assertEquals(Outcome.COMPLETE, response.outcome());
  }
}
