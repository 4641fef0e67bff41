package dev.claudenexus.proxy.forwarding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Responds to CORS preflight requests on {@code /v1/*} with 204 and allows any origin, as the original
 * does. The actual request still needs the client key.
 */
final class CorsPreflight {

  private static final String DEFAULT_HEADERS =
      "Content-Type, Authorization, X-API-Key, anthropic-version, anthropic-beta";

  private CorsPreflight() {}

  static void answer(HttpServletRequest request, HttpServletResponse response) {
    String requested = request.getHeader("Access-Control-Request-Headers");
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers",
        requested == null || requested.isBlank() ? DEFAULT_HEADERS : requested);
    response.setHeader("Access-Control-Max-Age", "86400");
  }
}
