package dev.claudenexus.proxy.recording;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Usage, content and outcome of one Anthropic Messages API response, as the recorder read them.
 *
 * @param streaming whether the response was a server-sent event stream
 * @param outcome how the response ended
 * @param model the model from {@code message_start} or the JSON body, or null
 * @param usage the token counts, {@link TokenUsage#NONE} when the response reported none
 * @param usageJson the merged raw {@code usage} object, including fields that {@code usage}
 *     has no place for (such as {@code service_tier}), or null when the response had none
 * @param responseBody for a stream, the message rebuilt as the non-streaming API returns it, as
 *     compact JSON. For a JSON response, the body text as received. Null for a non-JSON body.
 * @param toolCallCount the number of {@code tool_use} blocks. {@code server_tool_use} blocks run
 *     on the API side and are not counted.
 * @param toolCalls the {@code tool_use} blocks in content order
 * @param errorType the API error type, such as {@code overloaded_error}, when the outcome is ERROR
 * @param errorMessage the API error message when the outcome is ERROR
 * @param incompleteReason why the outcome is INCOMPLETE, CLIENT_CANCELLED or TIMEOUT, else null
 * @param unknownEventCount the number of events of a type the recorder does not know
 * @param flaggedEventCount the number of flagged events, including those not kept in
 *     {@code flaggedEvents}
 * @param flaggedEvents the first flagged events, see {@link EventFlags#MAX_EVENTS}
 * @param chunks every dispatched event when the recorder was asked to keep chunks, else empty
 */
public record RecordedResponse(
    boolean streaming,
    Outcome outcome,
    String model,
    TokenUsage usage,
    JsonObject usageJson,
    String responseBody,
    int toolCallCount,
    List<ToolCall> toolCalls,
    String errorType,
    String errorMessage,
    String incompleteReason,
    int unknownEventCount,
    int flaggedEventCount,
    List<FlaggedEvent> flaggedEvents,
    List<StreamChunk> chunks) {

  public RecordedResponse {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(usage, "usage");
    toolCalls = List.copyOf(toolCalls);
    flaggedEvents = List.copyOf(flaggedEvents);
    chunks = List.copyOf(chunks);
  }

  /**
   * Returns a copy with another outcome and reason, for the forwarding layer when the client
   * disconnected or the upstream request timed out.
   */
  public RecordedResponse withOutcome(Outcome newOutcome, String reason) {
    return new RecordedResponse(
        streaming,
        newOutcome,
        model,
        usage,
        usageJson,
        responseBody,
        toolCallCount,
        toolCalls,
        errorType,
        errorMessage,
        reason,
        unknownEventCount,
        flaggedEventCount,
        flaggedEvents,
        chunks);
  }
}
