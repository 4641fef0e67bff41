package dev.claudenexus.proxy;

import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.storage.RequestRecord;
import dev.claudenexus.usage.TokenUsage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds finished requests for tests of what observes them, with fields to change before {@link #build}. */
public final class Completions {

  public static final OffsetDateTime TIME = OffsetDateTime.of(2025, 6, 20, 12, 0, 0, 0, ZoneOffset.UTC);
  public static final String SYSTEM = "\"system\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]";

  public String domain = "team.example.com";
  public String requestType = "inference";
  public String requestBody = "{\"model\":\"claude-sonnet-4-5\"," + SYSTEM
      + ",\"messages\":[{\"role\":\"user\",\"content\":\"Fix the bug\"}]}";
  public String responseBody = "{\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}]}";
  public String outcome = "complete";
  public int status = 200;
  public String error;
  public String maskedKey = "cnp_****";
  public String query;
  public boolean streaming;
  public String responseHeaders = "{}";
  public Map<String, List<String>> headers = Map.of();

  public Completions userText(String text) {
    requestBody = "{\"model\":\"claude-sonnet-4-5\"," + SYSTEM
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    return this;
  }

  public Completions failure(int failedStatus, String message) {
    outcome = "error";
    status = failedStatus;
    error = message;
    return this;
  }

  public RequestCompleted build() {
    RequestRecord record = new RequestRecord(UUID.randomUUID(), domain, TIME, "POST", "/v1/messages",
        query, "{}", requestBody, null, "acc", "claude-sonnet-4-5", requestType, 1, status,
        responseHeaders, responseBody, streaming, new TokenUsage(120, 45, 0, 0, 0, 0), null, null, 10,
        500, outcome, error == null ? null : "api_error", error, 0, 1, List.of());
    return new RequestCompleted(record, headers, maskedKey);
  }
}
