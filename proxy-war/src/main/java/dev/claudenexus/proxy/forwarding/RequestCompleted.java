package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.storage.RequestRecord;
import java.util.List;
import java.util.Map;

/**
 * CDI event fired once per finished {@code /v1/*} request, failures included, on the request
 * thread after the response ended. Observers must only queue work and return, because the request
 * thread waits for them. It carries no secret.
 *
 * @param record the stored record of the request
 * @param requestHeaders the request headers (lower-case names) with credential headers masked by
 *     {@link dev.claudenexus.proxy.masking.SecretMasker#maskHeaders}
 * @param maskedClientKey the mask of the key the client presented, such as {@code cnp_****}, or
 *     null when it presented none
 */
public record RequestCompleted(
    RequestRecord record, Map<String, List<String>> requestHeaders, String maskedClientKey) {

  public RequestCompleted {
    requestHeaders = Map.copyOf(requestHeaders);
  }

  /** Returns whether the request failed: an error or timeout, or a stream that ended early. */
  public boolean failed() {
    return switch (record.outcome()) {
      case "error", "timeout", "incomplete" -> true;
      default -> false;
    };
  }
}
