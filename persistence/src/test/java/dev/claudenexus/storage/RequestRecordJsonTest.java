package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.usage.TokenUsage;
import org.junit.jupiter.api.Test;

class RequestRecordJsonTest {

  private static RequestRecord roundTrip(RequestRecord record) {
    return RequestRecordJson.fromLine(RequestRecordJson.toLine(record));
  }

  @Test
  void fullRecordRoundTrips() {
    RequestRecord record = RecordBuilder.full().build();

    assertEquals(record, roundTrip(record));
  }

  @Test
  void chunksRoundTripInOrder() {
    RequestRecord record = RecordBuilder.full().build();

    assertEquals(record.chunks(), roundTrip(record).chunks());
  }

  @Test
  void minimalRecordRoundTrips() {
    RequestRecord record = RecordBuilder.minimal().build();

    assertEquals(record, roundTrip(record));
  }

  @Test
  void nullFieldsStayNull() {
    RequestRecord copy = roundTrip(RecordBuilder.minimal().build());

    assertNull(copy.queryString());
    assertNull(copy.requestBody());
    assertNull(copy.model());
    assertNull(copy.usageJson());
    assertNull(copy.costUsd());
    assertNull(copy.firstTokenMs());
    assertNull(copy.error());
  }

  @Test
  void missingUsageReadsAsNone() {
    assertEquals(TokenUsage.NONE, roundTrip(RecordBuilder.minimal().build()).usage());
  }

  @Test
  void unicodeTextRoundTrips() {
    String text = "\u00e4\u00f6\u00fc \u4e2d\u6587 \uD83D\uDE80 \u2028 \u0000 \\u0000 \"\t\r\n";
    RequestRecord record = RecordBuilder.minimal().error(text).model(text).build();

    RequestRecord copy = roundTrip(record);

    assertEquals(text, copy.error());
    assertEquals(text, copy.model());
  }

  @Test
  void lineHasNoLineBreaks() {
    RequestRecord record = RecordBuilder.full().error("a\nb\rc").build();

    String line = RequestRecordJson.toLine(record);

    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("\r"), line);
  }

  @Test
  void costKeepsAllDecimals() {
    RequestRecord copy = roundTrip(RecordBuilder.full().build());

    assertEquals("0.0123456789", copy.costUsd().toPlainString());
  }

  @Test
  void largeTokenCountsRoundTrip() {
    TokenUsage usage = new TokenUsage(Long.MAX_VALUE, 5_000_000_000L, 0, 0, 0, 0);
    RequestRecord record = RecordBuilder.minimal().usage(usage).build();

    assertEquals(usage, roundTrip(record).usage());
  }

  @Test
  void truncatedLineIsRejected() {
    String line = RequestRecordJson.toLine(RecordBuilder.full().build());
    String cut = line.substring(0, line.length() / 2);

    assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(cut));
  }

  @Test
  void objectWithoutFieldsIsRejected() {
    assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine("{}"));
  }

  @Test
  void lineIsSingleJsonObject() {
    String line = RequestRecordJson.toLine(RecordBuilder.full().build());

    assertTrue(line.startsWith("{"), line);
    assertTrue(line.endsWith("}"), line);
  }

  /** A line in the form the journal has always had, so that journals of older versions replay. */
  private static final String EARLIER_LINE = "{\"requestId\":\"7d6f0c1e-8a53-4d8f-9a55-2f9d1a0b3c4e\","
      + "\"domain\":\"team.example.com\",\"timestamp\":\"2026-03-14T15:09:26.535Z\",\"method\":\"POST\","
      + "\"path\":\"/v1/messages\",\"requestHeaders\":\"{\\\"anthropic-version\\\":\\\"2023-06-01\\\"}\","
      + "\"requestBody\":\"{\\\"model\\\":\\\"m\\\"}\",\"model\":\"claude-sonnet-4-5\","
      + "\"requestType\":\"inference\",\"messageCount\":2,\"responseStatus\":200,\"streaming\":true,"
      + "\"usage\":{\"input\":10,\"output\":20,\"cacheCreation\":3,\"cacheRead\":4,"
      + "\"cacheCreation5m\":1,\"cacheCreation1h\":2},\"costUsd\":1.5E-7,\"firstTokenMs\":12,"
      + "\"durationMs\":345,\"outcome\":\"complete\",\"toolCallCount\":1,\"upstreamAttempts\":2,"
      + "\"chunks\":[{\"index\":0,\"timestamp\":\"2026-03-14T15:09:26.600Z\",\"eventType\":\"ping\","
      + "\"data\":\"{}\"}]}";

  @Test
  void earlierLineIsRead() {
    RequestRecord record = RequestRecordJson.fromLine(EARLIER_LINE);

    assertEquals("7d6f0c1e-8a53-4d8f-9a55-2f9d1a0b3c4e", record.requestId().toString());
    assertEquals("team.example.com", record.domain());
    assertEquals("{\"anthropic-version\":\"2023-06-01\"}", record.requestHeaders());
    assertEquals("{\"model\":\"m\"}", record.requestBody());
    assertEquals(2, record.messageCount());
    assertTrue(record.streaming());
    assertEquals(new TokenUsage(10, 20, 3, 4, 1, 2), record.usage());
    assertEquals("0.00000015", record.costUsd().toPlainString());
    assertEquals(12, record.firstTokenMs());
    assertEquals(345, record.durationMs());
    assertEquals(2, record.upstreamAttempts());
    assertEquals(1, record.chunks().size());
    assertEquals("ping", record.chunks().get(0).eventType());
    assertNull(record.queryString());
    assertNull(record.responseBody());
  }

  @Test
  void explicitNullsReadAsNull() {
    String line = EARLIER_LINE.replace("\"model\":\"claude-sonnet-4-5\"", "\"model\":null")
        .replace("\"costUsd\":1.5E-7", "\"costUsd\":null");

    RequestRecord record = RequestRecordJson.fromLine(line);

    assertNull(record.model());
    assertNull(record.costUsd());
  }

  @Test
  void unknownFieldsAreSkipped() {
    String line = EARLIER_LINE.replace("{\"requestId\"", "{\"later\":{\"a\":[1,{\"b\":null}]},\"requestId\"");

    assertEquals(RequestRecordJson.fromLine(EARLIER_LINE), RequestRecordJson.fromLine(line));
  }

  @Test
  void wrongFieldTypesAreRejected() {
    for (String[] change : new String[][] {
        {"\"messageCount\":2", "\"messageCount\":\"2\""},
        {"\"streaming\":true", "\"streaming\":1"},
        {"\"domain\":\"team.example.com\"", "\"domain\":[\"team.example.com\"]"},
        {"\"chunks\":[", "\"chunks\":{\"x\":["},
        {"\"usage\":{\"input\":10", "\"usage\":{\"input\":\"10\""},
        {"\"requestId\":\"7d6f0c1e", "\"requestId\":\"not-a-uuid-7d6f0c1e"},
    }) {
      String line = EARLIER_LINE.replace(change[0], change[1]);

      assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(line), line);
    }
  }

  @Test
  void syntaxErrorDoesNotQuoteTheLine() {
    String line = EARLIER_LINE.replace("\"method\":\"POST\"", "\"method\":secretprompttext");

    RuntimeException error =
        assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(line));
    assertFalse(error.getMessage().contains("secretprompt"), error.getMessage());
  }

  @Test
  void textAfterTheRecordIsRejected() {
    assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(EARLIER_LINE + "{}"));
  }

  @Test
  void missingRequiredFieldIsRejected() {
    String line = EARLIER_LINE.replace("\"durationMs\":345,", "");

    RuntimeException error =
        assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(line));
    assertEquals("The journal line has no durationMs", error.getMessage());
  }

  @Test
  void bodyBeyondParserDefaultsRoundTrips() {
    // Jackson rejects strings over 20,000,000 characters by default, and a stored body can be larger.
    String body = "{\"model\":\"m\",\"data\":\"" + "A".repeat(21_000_000) + "\"}";
    RequestRecord record = RecordBuilder.minimal().requestBody(body).build();

    assertEquals(body, roundTrip(record).requestBody());
  }

  /**
   * Writes a line as the journal's earlier writer did, with JSON-P object builders, for the records
   * of the compatibility test.
   */
  private static String earlierWriterLine(RequestRecord r) {
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder()
        .add("requestId", r.requestId().toString())
        .add("timestamp", r.timestamp().toString())
        .add("messageCount", r.messageCount())
        .add("responseStatus", r.responseStatus())
        .add("streaming", r.streaming())
        .add("usage", jakarta.json.Json.createObjectBuilder()
            .add("input", r.usage().inputTokens()).add("output", r.usage().outputTokens())
            .add("cacheCreation", r.usage().cacheCreationInputTokens())
            .add("cacheRead", r.usage().cacheReadInputTokens())
            .add("cacheCreation5m", r.usage().cacheCreation5mInputTokens())
            .add("cacheCreation1h", r.usage().cacheCreation1hInputTokens()))
        .add("durationMs", r.durationMs())
        .add("toolCallCount", r.toolCallCount())
        .add("upstreamAttempts", r.upstreamAttempts());

    java.util.function.BiConsumer<String, String> optional = (key, value) -> {
      if (value != null) {
        b.add(key, value);
      }
    };
    optional.accept("domain", r.domain());
    optional.accept("method", r.method());
    optional.accept("path", r.path());
    optional.accept("requestHeaders", r.requestHeaders());
    optional.accept("queryString", r.queryString());
    optional.accept("requestBody", r.requestBody());
    optional.accept("apiKeyHash", r.apiKeyHash());
    optional.accept("accountId", r.accountId());
    optional.accept("model", r.model());
    optional.accept("requestType", r.requestType());
    optional.accept("responseHeaders", r.responseHeaders());
    optional.accept("responseBody", r.responseBody());
    optional.accept("usageJson", r.usageJson());
    optional.accept("outcome", r.outcome());
    optional.accept("errorType", r.errorType());
    optional.accept("error", r.error());

    if (r.costUsd() != null) {
      b.add("costUsd", r.costUsd());
    }
    if (r.firstTokenMs() != null) {
      b.add("firstTokenMs", r.firstTokenMs());
    }

    jakarta.json.JsonArrayBuilder chunks = jakarta.json.Json.createArrayBuilder();
    for (RequestRecord.StoredChunk c : r.chunks()) {
      jakarta.json.JsonObjectBuilder chunk = jakarta.json.Json.createObjectBuilder()
          .add("index", c.index()).add("timestamp", c.timestamp().toString());
      if (c.eventType() != null) {
        chunk.add("eventType", c.eventType());
      }
      if (c.data() != null) {
        chunk.add("data", c.data());
      }
      chunks.add(chunk);
    }
    return b.add("chunks", chunks).build().toString();
  }

  @Test
  void earlierWriterLinesAreRead() {
    String text = "\u0000\u001f\b\f\u2028\u007f \uD83D\uDE80 \u00e4 \\u0000 \"\t\r\n";
    for (RequestRecord record : new RequestRecord[] {
        RecordBuilder.full().build(),
        RecordBuilder.minimal().build(),
        RecordBuilder.full().error(text).model(text).requestBody("{\"t\":\"" + text + "\"}").build(),
    }) {
      assertEquals(record, RequestRecordJson.fromLine(earlierWriterLine(record)));
    }
  }

  @Test
  void costsKeepTheirScale() {
    for (String cost : new String[] {"2", "0.10", "1E+3", "0E-10", "1.5E-7", "0.0123456789"}) {
      RequestRecord record = RecordBuilder.full().costUsd(new java.math.BigDecimal(cost)).build();

      assertEquals(record.costUsd(), roundTrip(record).costUsd(), cost);
      assertEquals(record.costUsd(), RequestRecordJson.fromLine(earlierWriterLine(record)).costUsd(), cost);
    }
  }

  @Test
  void fieldErrorsNameTheFieldNotTheText() {
    String[][] cases = {
        {"\"timestamp\":\"2026-03-14T15:09:26.535Z\"", "\"timestamp\":\"secretprompttext\"",
            "The journal field timestamp is not an ISO-8601 date-time with an offset"},
        {"\"requestId\":\"7d6f0c1e-8a53-4d8f-9a55-2f9d1a0b3c4e\"", "\"requestId\":\"secretprompttext\"",
            "The journal field requestId is not a UUID"},
        {"\"messageCount\":2", "\"messageCount\":3000000000",
            "The journal field messageCount is out of range"},
        {"\"input\":10", "\"input\":99999999999999999999999",
            "The journal field input is out of range"},
        {"\"index\":0,\"timestamp\":\"2026-03-14T15:09:26.600Z\"", "\"index\":0,\"timestamp\":\"secretprompttext\"",
            "The journal field chunk timestamp is not an ISO-8601 date-time with an offset"},
    };
    for (String[] c : cases) {
      String line = EARLIER_LINE.replace(c[0], c[1]);

      RuntimeException error = assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine(line));

      assertEquals(c[2], error.getMessage(), line);
      assertNull(error.getCause(), line);
    }
  }

  @Test
  void lineThatIsNotAnObjectIsRejected() {
    RuntimeException error = assertThrows(RuntimeException.class, () -> RequestRecordJson.fromLine("[]"));

    assertEquals("The journal line is not a JSON object", error.getMessage());
  }
}
