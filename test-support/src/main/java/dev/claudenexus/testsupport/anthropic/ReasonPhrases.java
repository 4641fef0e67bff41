package dev.claudenexus.testsupport.anthropic;

import java.util.Map;

/** Standard reason phrases of the status codes the Anthropic API and its gateways return. */
final class ReasonPhrases {

  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(100, "Continue"),
      Map.entry(200, "OK"),
      Map.entry(201, "Created"),
      Map.entry(204, "No Content"),
      Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"),
      Map.entry(402, "Payment Required"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"),
      Map.entry(408, "Request Timeout"),
      Map.entry(409, "Conflict"),
      Map.entry(413, "Content Too Large"),
      Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"),
      // 529 is Anthropic's own code for an overloaded API, so it has no IANA-registered phrase.
      Map.entry(529, "Overloaded"));

  private ReasonPhrases() {
  }

  static String of(int status) {
    return PHRASES.getOrDefault(status, "Status " + status);
  }
}
