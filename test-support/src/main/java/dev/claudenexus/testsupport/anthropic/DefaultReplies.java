package dev.claudenexus.testsupport.anthropic;

import java.time.Duration;

/**
 * Replies the fake sends when no reply is enqueued: a successful Messages API message with the text {@code "Hello"}.
 *
 * <p>A request whose JSON body has {@code "stream": true} gets the {@link SseScripts#s0} stream, one
 * event per write. Any other request gets the same message as one JSON object. Both echo the request's
 * {@code model}, or use {@value #FALLBACK_MODEL} when it has none, and carry the message id
 * {@code msg_fake_<sequence>} and the {@code request-id} header {@code req_fake_<sequence>}, where
 * sequence is {@link ReceivedRequest#sequence()}.
 */
public final class DefaultReplies {

  /** Model named in replies to requests without a {@code model} member. */
  public static final String FALLBACK_MODEL = "claude-sonnet-4-5";

  private DefaultReplies() {
  }

  /** Returns the reply to this request: the stream or the JSON message. */
  public static FakeReply forRequest(ReceivedRequest request) {
    String body = request.bodyText();
    String model = modelOf(body);
    if (Json.streamRequested(body)) {
      return streamReply(model, request.sequence());
    }
    return messageReply(model, request.sequence());
  }

  /** Returns the JSON message body of a non-streaming reply. */
  public static String messageJson(String model, String messageId) {
    return "{\"id\":\"" + Json.escape(messageId) + "\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"" + Json.escape(model) + "\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],"
        + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
  }

  /** Returns the {@code model} member of a request body, or {@value #FALLBACK_MODEL} when it has none. */
  public static String modelOf(String requestJson) {
    String model = Json.stringMember(requestJson, "model");
    return model == null ? FALLBACK_MODEL : model;
  }

  private static FakeReply streamReply(String model, int sequence) {
    byte[] script = SseScripts.s0(model, "msg_fake_" + sequence);
    return FakeReply.status(200)
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("request-id", "req_fake_" + sequence)
        .header("anthropic-ratelimit-unified-status", "allowed")
        .stream(BodyWrites.perEvent(script, Duration.ZERO))
        .build();
  }

  private static FakeReply messageReply(String model, int sequence) {
    return FakeReply.status(200)
        .header("content-type", "application/json")
        .header("request-id", "req_fake_" + sequence)
        .body(messageJson(model, "msg_fake_" + sequence))
        .build();
  }
}
