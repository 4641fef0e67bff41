package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.masking.SecretMasker;
import dev.claudenexus.storage.RequestRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CDI event fired once per finished {@code /v1/*} request, failures included, on the request
 * thread after the response ended. Observers must only queue work and return, because the request
 * thread waits for them. Its accessors return nothing secret.
 */
public final class RequestCompleted {

  private final RequestRecord record;
  private final Supplier<Map<String, List<String>>> headers;
  private final String maskedClientKey;
  private volatile Map<String, List<String>> maskedHeaders;

  /**
   * Creates the event from headers that are already masked.
   *
   * @param requestHeaders the request headers (lower-case names) with credential headers masked by
   *     {@link SecretMasker#maskHeaders}
   * @param maskedClientKey the mask of the key the client presented, such as {@code cnp_****}, or
   *     null when it presented none
   */
  public RequestCompleted(RequestRecord record, Map<String, List<String>> requestHeaders,
      String maskedClientKey) {
    this(record, () -> requestHeaders, maskedClientKey);
  }

  private RequestCompleted(RequestRecord record, Supplier<Map<String, List<String>>> headers,
      String maskedClientKey) {
    this.record = record;
    this.headers = headers;
    this.maskedClientKey = maskedClientKey;
  }

  /**
   * Creates the event from the headers as received. They are masked when an observer first reads
   * them, so requests that no observer looks at pay nothing for masking.
   */
  static RequestCompleted masking(RequestRecord record, Map<String, List<String>> rawHeaders,
      String presentedKey) {
    return new RequestCompleted(record, () -> SecretMasker.maskHeaders(rawHeaders),
        SecretMasker.maskCredential(presentedKey));
  }

  /** Returns the stored record of the request. */
  public RequestRecord record() {
    return record;
  }

  /** Returns the request headers (lower-case names) with credential headers masked. */
  public Map<String, List<String>> requestHeaders() {
    Map<String, List<String>> result = maskedHeaders;
    if (result == null) {
      result = Map.copyOf(headers.get());
      maskedHeaders = result;
    }
    return result;
  }

  /** Returns the mask of the key the client presented, such as {@code cnp_****}, or null. */
  public String maskedClientKey() {
    return maskedClientKey;
  }

  /** Returns whether the request failed: an error or timeout, or a stream that ended early. */
  public boolean failed() {
    return switch (record.outcome()) {
      case "error", "timeout", "incomplete" -> true;
      default -> false;
    };
  }
}
