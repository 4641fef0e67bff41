package dev.claudenexus.proxy;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors the proxy produces itself, in the Anthropic API's format
 * {@code {"type":"error","error":{"type":...,"message":...}}}, so clients show them as they show
 * upstream errors.
 */
public final class AnthropicError {

  private AnthropicError() {}

  /** Returns the JSON body of an error. */
  public static String body(String type, String message) {
    return JSON.createObjectBuilder()
        .add("type", "error")
        .add("error", JSON.createObjectBuilder().add("type", type).add("message", message))
        .build()
        .toString();
  }

  /** Writes an error response unless the response is already committed. */
  public static void send(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] bytes = body(type, message).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /** Returns the Anthropic error type for a status the proxy produces. */
  public static String typeFor(int status) {
    return switch (status) {
      case 400, 413 -> status == 413 ? "request_too_large" : "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      case 504 -> "timeout_error";
      case 500 -> "api_error";
      default -> "api_error";
    };
  }
}
