package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamOutcomeTest {

  private static final String OVERLOADED =
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

  @Test
  void errorAfterPartialTextKeepsText() {
    RecordedResponse response = Sse.record(Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.textBlockStart(0))
        + Sse.event("content_block_delta", Sse.textDelta(0, "Hel"))
        + Sse.event("error", OVERLOADED));

    assertEquals(Outcome.ERROR, response.outcome());
    assertEquals("overloaded_error", response.errorType());
    assertEquals("Overloaded", response.errorMessage());
    assertEquals("Hel", Sse.text(response));
    assertEquals(10, response.usage().inputTokens());
    assertNull(response.incompleteReason());
  }

  @Test
  void errorAsFirstEvent() {
    RecordedResponse response = Sse.record(Sse.event("error", OVERLOADED));

    assertEquals(Outcome.ERROR, response.outcome());
    assertEquals("overloaded_error", response.errorType());
    assertEquals("Overloaded", response.errorMessage());
    assertEquals(0, response.usage().inputTokens());
    assertEquals(List.of(), Sse.content(response));
  }

  @Test
  void errorEventWithoutJsonIsStillError() {
    RecordedResponse response = Sse.record(Sse.event("error", "upstream exploded"));

    assertEquals(Outcome.ERROR, response.outcome());
    assertEquals("api_error", response.errorType());
    assertEquals("upstream exploded", response.errorMessage());
  }

  @Test
  void cutToolInputIsIncompleteAndRaw() {
    RecordedResponse response = Sse.record(Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.blockStart(0,
            "{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Read\",\"input\":{}}"))
        + Sse.event("content_block_delta", Sse.inputJsonDelta(0, "{\"path\":\"fa")));

    assertEquals(Outcome.INCOMPLETE, response.outcome());
    assertEquals("ended before message_stop", response.incompleteReason());
    assertEquals(new ToolCall("toolu_9", "Read", "{\"path\":\"fa", false),
        response.toolCalls().get(0));
    JsonString rawInput = (JsonString) Sse.content(response).getJsonObject(0).get("input");
    assertEquals("{\"path\":\"fa", rawInput.getString());
    assertEquals(List.of(Flag.INPUT_NOT_PARSED), Sse.flags(response));
  }

  @Test
  void validInputNeverStoppedIsNotParsed() {
    RecordedResponse response = Sse.record(Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.blockStart(0,
            "{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Read\",\"input\":{}}"))
        + Sse.event("content_block_delta", Sse.inputJsonDelta(0, "{\"path\":\"a\"}")));

    assertFalse(response.toolCalls().get(0).inputParsed());
  }

  @Test
  void unparseableStoppedInputIsFlagged() {
    RecordedResponse response = Sse.record(Sse.event("message_start", Sse.MESSAGE_START)
        + Sse.event("content_block_start", Sse.blockStart(0,
            "{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Read\",\"input\":{}}"))
        + Sse.event("content_block_delta", Sse.inputJsonDelta(0, "{\"path\": oops}"))
        + Sse.event("content_block_stop", Sse.blockStop(0))
        + Sse.messageStop());

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(new ToolCall("toolu_9", "Read", "{\"path\": oops}", false),
        response.toolCalls().get(0));
    assertEquals(List.of(Flag.INPUT_NOT_PARSED), Sse.flags(response));
  }

  @Test
  void streamCutInsideEventIsFlagged() {
    String stream = Sse.S0.substring(0, Sse.S0.indexOf("event: message_stop")) + "event: message_st";

    RecordedResponse response = Sse.record(stream);

    assertEquals(Outcome.INCOMPLETE, response.outcome());
    assertEquals(List.of(Flag.UNTERMINATED_EVENT), Sse.flags(response));
    assertEquals("Hello", Sse.text(response));
  }

  @Test
  void lastEventWithoutBlankLineIsNotApplied() {
    String stream = Sse.S0.substring(0, Sse.S0.length() - 1);

    RecordedResponse response = Sse.record(stream);

    assertEquals(Outcome.INCOMPLETE, response.outcome());
    assertEquals(List.of(Flag.UNTERMINATED_EVENT), Sse.flags(response));
    assertEquals("{\"type\":\"message_stop\"}", response.flaggedEvents().get(0).data());
  }

  @Test
  void errorWithoutMessageStopIsNotIncomplete() {
    RecordedResponse response = Sse.record(Sse.event("error", OVERLOADED));

    assertNull(response.incompleteReason());
    assertTrue(response.streaming());
  }
}
