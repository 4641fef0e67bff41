package dev.claudenexus.proxy.forwarding;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for the headers that cross the proxy in each direction. Hop-by-hop headers (RFC 9110 section
 * 7.6.1) and headers named by {@code Connection} never cross. The client's own credentials, {@code Host}
 * and {@code Accept-Encoding} do not go upstream, because the proxy sets them itself.
 */
final class HeaderRules {

  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "trailers",
          "upgrade",
          "proxy-authorization",
          "proxy-authenticate",
          "proxy-connection");

  private static final Set<String> NOT_FORWARDED_UPSTREAM =
      Set.of(
          "host",
          "content-length",
          "expect",
          "accept-encoding",
          "authorization",
          "x-api-key",
          "cookie",
          "x-dashboard-key",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-real-ip");

  private static final Set<String> NOT_RETURNED = Set.of("content-length", "set-cookie");

  private static final Set<String> SECRET = Set.of(
      "authorization", "x-api-key", "cookie", "set-cookie", "x-dashboard-key", "proxy-authorization");

  private HeaderRules() {}

  /** Returns the lower-case names listed in {@code Connection} header values. */
  static Set<String> connectionTokens(List<String> connectionValues) {
    Set<String> tokens = new HashSet<>();
    for (String value : connectionValues) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          tokens.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return tokens;
  }

  static boolean forwardUpstream(String lowerName, Set<String> connectionTokens) {
    return !HOP_BY_HOP.contains(lowerName)
        && !NOT_FORWARDED_UPSTREAM.contains(lowerName)
        && !connectionTokens.contains(lowerName);
  }

  static boolean returnToClient(String lowerName, Set<String> connectionTokens) {
    return !HOP_BY_HOP.contains(lowerName)
        && !NOT_RETURNED.contains(lowerName)
        && !connectionTokens.contains(lowerName);
  }

  /** Returns whether a header may be stored: never credentials or cookies. */
  static boolean storable(String lowerName) {
    return !SECRET.contains(lowerName) && !HOP_BY_HOP.contains(lowerName);
  }
}
