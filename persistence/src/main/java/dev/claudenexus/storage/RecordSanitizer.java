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

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    return text.replace("\u0000", REPLACEMENT).replace("\\u0000", REPLACEMENT);
  }
}
