package dev.claudenexus.storage;

/**
 * Removes what PostgreSQL cannot store from a record: NUL characters, raw or as the JSON escape
 * {@code \u0000}, are replaced by U+FFFD in every text column.
 */
final class RecordSanitizer {

  private static final String REPLACEMENT = "\uFFFD";

  private RecordSanitizer() {}

  static RequestRecord withoutNulCharacters(RequestRecord r) {
    return new RequestRecord(
        r.requestId(),
        r.domain(),
        r.timestamp(),
        r.method(),
        r.path(),
        clean(r.queryString()),
        clean(r.requestHeaders()),
        clean(r.requestBody()),
        r.apiKeyHash(),
        r.accountId(),
        clean(r.model()),
        r.requestType(),
        r.messageCount(),
        r.responseStatus(),
        clean(r.responseHeaders()),
        clean(r.responseBody()),
        r.streaming(),
        r.usage(),
        clean(r.usageJson()),
        r.costUsd(),
        r.firstTokenMs(),
        r.durationMs(),
        r.outcome(),
        clean(r.errorType()),
        clean(r.error()),
        r.toolCallCount(),
        r.upstreamAttempts(),
        r.chunks().stream()
            .map(c -> new RequestRecord.StoredChunk(c.index(), c.timestamp(), c.eventType(), clean(c.data())))
            .toList());
  }

  /**
   * Replaces raw NUL characters and {@code \u0000} escapes. A backslash that is itself escaped
   * ({@code \\u0000}, a literal backslash followed by {@code u0000}) is kept, so the JSON stays valid.
   */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        out.append(REPLACEMENT);
      } else if (c == '\\' && text.startsWith("u0000", i + 1)) {
        out.append(REPLACEMENT);
        i += "u0000".length();
      } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\u0000') {
        out.append(c).append(text.charAt(i + 1));
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
