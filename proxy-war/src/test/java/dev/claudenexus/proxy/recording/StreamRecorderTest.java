package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRecorderTest {

  @Test
  void simpleStreamRecordsUsageAndText() {
    RecordedResponse response = Sse.record(Sse.S0);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(10, response.usage().inputTokens());
    assertEquals(5, response.usage().outputTokens());
    assertEquals("Hello", Sse.text(response));
    assertEquals("claude-sonnet-4-5", response.model());
    assertTrue(response.streaming());
    assertNull(response.incompleteReason());
    assertEquals(0, response.flaggedEventCount());
  }

  @Test
  void simpleStreamRebuildsMessageBody() {
    JsonObject body = Sse.body(Sse.record(Sse.S0));

    assertEquals("msg_X", body.getString("id"));
    assertEquals("message", body.getString("type"));
    assertEquals("assistant", body.getString("role"));
    assertEquals("end_turn", body.getString("stop_reason"));
    assertTrue(body.isNull("stop_sequence"));
    assertEquals(5, body.getJsonObject("usage").getInt("output_tokens"));
    assertEquals(
        JsonSupport.parse("[{\"type\":\"text\",\"text\":\"Hello\"}]"),
        body.getJsonArray("content"));
  }

  @Test
  void splitAtEveryOffsetGivesSameRecord() {
    byte[] stream = Sse.utf8(Sse.S0);
    RecordedResponse whole = Sse.record(Sse.S0);

    for (int offset = 0; offset <= stream.length; offset++) {
      List<byte[]> reads = List.of(
          Arrays.copyOfRange(stream, 0, offset), Arrays.copyOfRange(stream, offset, stream.length));
      assertEquals(whole, Sse.record(reads), "split at offset " + offset);
    }
  }

  @Test
  void oneByteReadsGiveSameRecord() {
    assertEquals(Sse.record(Sse.S0), Sse.recordInPieces(Sse.utf8(Sse.S0), 1));
  }

  @Test
  void multiByteCharactersSplitAnywhereSurvive() {
    String stream = Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.textBlockStart(0))
        + Sse.event("content_block_delta", Sse.textDelta(0, "你好🌍"))
        + Sse.event("content_block_stop", Sse.blockStop(0))
        + Sse.messageStop();
    byte[] bytes = Sse.utf8(stream);

    assertEquals("你好🌍", Sse.text(Sse.recordInPieces(bytes, 1)));
    for (int offset = 0; offset <= bytes.length; offset++) {
      List<byte[]> reads = List.of(
          Arrays.copyOfRange(bytes, 0, offset), Arrays.copyOfRange(bytes, offset, bytes.length));
      String text = Sse.text(Sse.record(reads));
      assertEquals("你好🌍", text, "split at offset " + offset);
      assertFalse(text.contains("\uFFFD"), "replacement character at offset " + offset);
    }
  }

  @Test
  void largeToolInputInKilobyteReads() {
    StringBuilder value = new StringBuilder();
    while (value.length() < 40_000) {
      value.append("line \"").append(value.length()).append("\" ünïcödé 🌍\\n ");
    }
    JsonObject input = JSON.createObjectBuilder()
        .add("path", "src/Main.java")
        .add("content", value.toString())
        .build();
    String inputJson = JsonSupport.write(input);
    String stream = Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.blockStart(0,
            "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Write\",\"input\":{}}"))
        + Sse.event("content_block_delta", Sse.inputJsonDelta(0, inputJson))
        + Sse.event("content_block_stop", Sse.blockStop(0))
        + Sse.messageStop();
    assertTrue(stream.length() > 40_000, "stream should exceed 40 KB");

    RecordedResponse response = Sse.recordInPieces(Sse.utf8(stream), 1024);

    assertEquals(1, response.toolCallCount());
    ToolCall call = response.toolCalls().get(0);
    assertTrue(call.inputParsed());
    assertEquals(input, JsonSupport.parse(call.input()));
    assertEquals("toolu_1", call.id());
    assertEquals("Write", call.name());
    assertEquals(input, Sse.content(response).getJsonObject(0).getJsonObject("input"));
  }

  @Test
  void deltaEventInThreePieces() {
    String start = Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.textBlockStart(0));
    List<byte[]> reads = List.of(
        Sse.utf8(start),
        Sse.utf8("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"te"),
        Sse.utf8("xt\":\"hello wor"),
        Sse.utf8("ld\"}}\n\n"),
        Sse.utf8(Sse.event("content_block_stop", Sse.blockStop(0)) + Sse.messageStop()));

    RecordedResponse response = Sse.record(reads);

    assertEquals("hello world", Sse.text(response));
    assertEquals(Outcome.COMPLETE, response.outcome());
  }

  @Test
  void crlfLineEndingsGiveSameRecord() {
    String crlf = Sse.S0.replace("\n", "\r\n");

    assertEquals(Sse.record(Sse.S0), Sse.record(crlf));
    assertEquals(Sse.record(Sse.S0), Sse.recordInPieces(Sse.utf8(crlf), 1));
  }

  @Test
  void crLineEndingsGiveSameRecord() {
    String cr = Sse.S0.replace("\n", "\r");

    assertEquals(Sse.record(Sse.S0), Sse.record(cr));
    assertEquals(Sse.record(Sse.S0), Sse.recordInPieces(Sse.utf8(cr), 1));
  }

  @Test
  void chunksKeptOnlyWhenRequested() {
    Instant now = Instant.parse("2025-06-20T12:00:00Z");
    StreamRecorder keeping = new StreamRecorder(true, 1024, Clock.fixed(now, ZoneOffset.UTC));
    byte[] stream = Sse.utf8(Sse.S0);
    keeping.accept(stream, 0, stream.length);
    keeping.finish();

    List<StreamChunk> chunks = keeping.result().chunks();
    assertEquals(7, chunks.size());
    assertEquals(new StreamChunk(0, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
        "message_start", Sse.MESSAGE_START), chunks.get(0));
    assertEquals("ping", chunks.get(2).event());
    assertEquals(6, chunks.get(6).index());
    assertEquals(List.of(), Sse.record(Sse.S0).chunks());
  }

  @Test
  void resultAfterFinishIsCached() {
    StreamRecorder recorder = new StreamRecorder(false);
    byte[] stream = Sse.utf8(Sse.S0);
    recorder.accept(stream, 0, stream.length);
    recorder.finish();
    RecordedResponse first = recorder.result();
    recorder.accept(stream, 0, stream.length);
    recorder.finish();

    assertSame(first, recorder.result());
  }

  @Test
  void resultBeforeFinishShowsProgress() {
    StreamRecorder recorder = new StreamRecorder(false);
    byte[] start = Sse.utf8(Sse.event("message_start", Sse.MESSAGE_START));
    recorder.accept(start, 0, start.length);

    RecordedResponse partial = recorder.result();

    assertEquals(Outcome.INCOMPLETE, partial.outcome());
    assertEquals(10, partial.usage().inputTokens());
  }

  @Test
  void emptyStreamIsIncomplete() {
    RecordedResponse response = Sse.record("");

    assertEquals(Outcome.INCOMPLETE, response.outcome());
    assertEquals("ended before message_stop", response.incompleteReason());
    assertEquals(TokenUsage.NONE, response.usage());
    assertNull(response.usageJson());
    assertNull(response.model());
  }

  @Test
  void withOutcomeReplacesOutcomeAndReason() {
    RecordedResponse cancelled =
        Sse.record(Sse.S0).withOutcome(Outcome.CLIENT_CANCELLED, "client disconnected");

    assertEquals(Outcome.CLIENT_CANCELLED, cancelled.outcome());
    assertEquals("client disconnected", cancelled.incompleteReason());
    assertEquals("Hello", Sse.text(cancelled));
  }
}
