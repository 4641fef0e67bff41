package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeRequest;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import jakarta.json.Json;

/**
 * The small request Claude Code sends when it starts: one user message "quota", one output token,
 * no stream. The proxy stores it as a {@code quota} request.
 */
final class QuotaCheck {

  static final String MODEL = "claude-haiku-4-5";

  private QuotaCheck() {}

  /** Returns the quota request with the session's headers. */
  static ClaudeCodeRequest request(ClaudeCodeSession session) {
    String body = Json.createObjectBuilder()
        .add("model", MODEL)
        .add("max_tokens", 1)
        .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("role", "user")
            .add("content", "quota")))
        .build().toString();
    ClaudeCodeRequest template = session.request();
    return new ClaudeCodeRequest(template.target(), template.headers(), body);
  }

  /** Returns the one-token JSON reply. */
  static FakeReply reply() {
    String json = Json.createObjectBuilder()
        .add("id", "msg_01DemoQuotaCheck")
        .add("type", "message")
        .add("role", "assistant")
        .add("model", MODEL)
        .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("type", "text").add("text", "OK")))
        .add("stop_reason", "max_tokens")
        .addNull("stop_sequence")
        .add("usage", Json.createObjectBuilder().add("input_tokens", 8).add("output_tokens", 1))
        .build().toString();
    return FakeReply.json(200, json);
  }
}
