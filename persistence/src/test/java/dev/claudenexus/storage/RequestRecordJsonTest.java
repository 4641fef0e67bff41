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
}
