package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request as Claude Code sends it to {@code POST /v1/messages?beta=true}.
 *
 * <p>The headers are those of the captured CLI requests except the ones an HTTP client sets itself
 * ({@code host}, {@code connection}, {@code content-length}, {@code accept-encoding}).
 *
 * @param target the request target, path and query
 * @param headers header fields in the order the CLI sends them
 * @param body the JSON body
 */
public record ClaudeCodeRequest(String target, Map<String, String> headers, String body) {

  public ClaudeCodeRequest {
    Objects.requireNonNull(target, "target");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** Returns the body parsed. */
  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** Returns the {@code x-claude-code-session-id} header. */
  public String sessionId() {
    return headers.get("x-claude-code-session-id");
  }
}
