package dev.claudenexus.testsupport.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Error bodies and replies in the shape of the Anthropic API:
 * {@code {"type":"error","error":{"type":..,"message":..}}}.
 *
 * <p>The status to error type mapping follows the Anthropic errors page (docs.anthropic.com/en/api/errors).
 */
public final class ApiErrors {

  private static final Map<Integer, String> TYPES = Map.of(
      400, "invalid_request_error",
      401, "authentication_error",
      402, "billing_error",
      403, "permission_error",
      404, "not_found_error",
      413, "request_too_large",
      429, "rate_limit_error",
      500, "api_error",
      504, "timeout_error",
      529, "overloaded_error");

  private static final Map<String, String> MESSAGES = Map.of(
      "invalid_request_error", "Invalid request",
      "authentication_error", "invalid x-api-key",
      "billing_error", "Billing error",
      "permission_error", "Permission denied",
      "not_found_error", "Not found",
      "request_too_large", "Request exceeds the maximum allowed number of bytes.",
      "rate_limit_error", "Rate limited",
      "api_error", "Internal server error",
      "timeout_error", "Request timed out",
      "overloaded_error", "Overloaded");

  private ApiErrors() {
  }

  /** Returns the error body as UTF-8 JSON. */
  public static byte[] body(String type, String message) {
    String json = "{\"type\":\"error\",\"error\":{\"type\":\"" + Json.escape(type) + "\",\"message\":\""
        + Json.escape(message) + "\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the error type the API uses for this status: {@code api_error} for an unlisted 5xx status,
   * and {@code invalid_request_error} for any other unlisted status.
   */
  public static String typeFor(int status) {
    String type = TYPES.get(status);
    if (type != null) {
      return type;
    }
    return status >= 500 ? "api_error" : "invalid_request_error";
  }

  /** Creates a JSON error reply with the type and a typical message for this status. */
  public static FakeReply reply(int status) {
    String type = typeFor(status);
    return reply(status, type, MESSAGES.get(type));
  }

  /** Creates a JSON error reply with this status, error type and message. */
  public static FakeReply reply(int status, String type, String message) {
    return FakeReply.status(status)
        .header("content-type", "application/json")
        .body(body(type, message))
        .build();
  }

  /** Creates the 529 {@code overloaded_error} reply. */
  public static FakeReply overloaded() {
    return reply(529);
  }

  /** Creates a 429 {@code rate_limit_error} reply with a {@code retry-after} header in whole seconds. */
  public static FakeReply rateLimited(Duration retryAfter) {
    String type = typeFor(429);
    return FakeReply.status(429)
        .header("content-type", "application/json")
        .header("retry-after", Long.toString(retryAfter.toSeconds()))
        .body(body(type, MESSAGES.get(type)))
        .build();
  }
}
