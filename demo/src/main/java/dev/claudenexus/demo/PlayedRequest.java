package dev.claudenexus.demo;

/**
 * One request the demo sent through the proxy.
 *
 * @param requestId the proxy's request id from {@code X-Nexus-Request-Id}, or {@code null} when the
 *     response had none
 * @param status the HTTP status the proxy returned
 * @param streamed whether the request asked for a streamed response
 */
public record PlayedRequest(String requestId, int status, boolean streamed) {

  boolean failed() {
    return status >= 400;
  }
}
