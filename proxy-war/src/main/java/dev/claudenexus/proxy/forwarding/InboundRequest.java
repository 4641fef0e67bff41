package dev.claudenexus.proxy.forwarding;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client request as the proxy received it.
 *
 * @param headers lower-case names to their values in the order received
 * @param body the exact bytes received
 * @param summary what the proxy records about the body when it is a JSON object, else {@code null}
 * @param startNanos {@link System#nanoTime()} when the request arrived
 * @param clientKeyHash salted hash of the client key that authenticated it, or {@code null}
 */
record InboundRequest(
    UUID requestId,
    OffsetDateTime timestamp,
    long startNanos,
    String method,
    String path,
    String query,
    String domain,
    Map<String, List<String>> headers,
    byte[] body,
    JsonBodySummary summary,
    String clientKeyHash) {

  /** Returns the first value of a header, or {@code null}. */
  String header(String lowerName) {
    List<String> values = headers.get(lowerName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns whether the body requests a streamed response. */
  boolean streamRequested() {
    return summary != null && summary.stream();
  }

  /** Returns the path with the query string, as sent upstream. */
  String target() {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
