package dev.claudenexus.proxy.forwarding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credential headers a request carries upstream, and the account they belong to.
 *
 * @param headers header names to set (replacing any client value)
 * @param accountId the credential file's {@code accountId}, or {@code null}
 * @param oauth whether the OAuth beta flag must be merged into {@code anthropic-beta}
 */
record UpstreamAuth(Map<String, String> headers, String accountId, boolean oauth) {

  static final String OAUTH_BETA = "oauth-2025-04-20";

  static UpstreamAuth apiKey(String key, String accountId) {
    return new UpstreamAuth(Map.of("x-api-key", key), accountId, false);
  }

  static UpstreamAuth oauthToken(String accessToken, String accountId) {
    return new UpstreamAuth(Map.of("authorization", "Bearer " + accessToken), accountId, true);
  }

  /** Returns the client's own credential headers, forwarded unchanged. */
  static UpstreamAuth passThrough(String authorization, String apiKey) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (authorization != null) {
      headers.put("authorization", authorization);
    }
    if (apiKey != null) {
      headers.put("x-api-key", apiKey);
    }
    return new UpstreamAuth(headers, null, false);
  }

  @Override
  public String toString() {
    return "UpstreamAuth[headers=" + headers.keySet() + ", accountId=" + accountId + "]";
  }
}
