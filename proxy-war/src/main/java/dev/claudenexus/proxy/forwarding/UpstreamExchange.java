package dev.claudenexus.proxy.forwarding;

import java.util.List;
import java.util.Map;

/**
 * The upstream response chosen after retries.
 *
 * @param status the upstream status code
 * @param headers the upstream response headers, lower-case names in a case-insensitive map
 * @param body the body, read from the upstream connection as it arrives
 * @param bufferedBody the body when it was already read to decide on a retry (an error reply of the
 *     last attempt), else {@code null} and the body is read from {@code body}
 */
record UpstreamExchange(int status, Map<String, List<String>> headers, UpstreamBody body,
    int attempts, byte[] bufferedBody) {

  /** Returns the first value of a header, or null. */
  String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
