package dev.claudenexus.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.claudenexus.usage.TokenUsage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Converts records to and from the one-line JSON form of the storage journal. It writes and reads
 * the JSON with Jackson's streaming generator and parser, so a record with a large body costs its
 * text and not a tree of JSON values besides. An optional field that is absent or {@code null}
 * reads as null, and so does a missing token count as 0; a missing required field rejects the line.
 * Error messages name the field and never quote the line, because the journal log shows them.
 */
final class RequestRecordJson {

  /** No limit on string and number length: a stored body can be as large as the request limit. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .build())
      .build();

  private RequestRecordJson() {}

  static String toLine(RequestRecord r) {
    StringWriter out = new StringWriter(estimateLength(r));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("requestId", r.requestId().toString());
      put(g, "domain", r.domain());
      put(g, "timestamp", r.timestamp().toString());
      put(g, "method", r.method());
      put(g, "path", r.path());
      put(g, "queryString", r.queryString());
      put(g, "requestHeaders", r.requestHeaders());
      put(g, "requestBody", r.requestBody());
      put(g, "apiKeyHash", r.apiKeyHash());
      put(g, "accountId", r.accountId());
      put(g, "model", r.model());
      put(g, "requestType", r.requestType());
      g.writeNumberField("messageCount", r.messageCount());

      g.writeNumberField("responseStatus", r.responseStatus());
      put(g, "responseHeaders", r.responseHeaders());
      put(g, "responseBody", r.responseBody());
      g.writeBooleanField("streaming", r.streaming());

      writeUsage(g, r.usage());
      put(g, "usageJson", r.usageJson());
      if (r.costUsd() != null) {
        g.writeNumberField("costUsd", r.costUsd());
      }
      if (r.firstTokenMs() != null) {
        g.writeNumberField("firstTokenMs", r.firstTokenMs());
      }
      g.writeNumberField("durationMs", r.durationMs());
      put(g, "outcome", r.outcome());
      put(g, "errorType", r.errorType());
      put(g, "error", r.error());
      g.writeNumberField("toolCallCount", r.toolCallCount());
      g.writeNumberField("upstreamAttempts", r.upstreamAttempts());

      g.writeArrayFieldStart("chunks");
      for (RequestRecord.StoredChunk c : r.chunks()) {
        g.writeStartObject();
        g.writeNumberField("index", c.index());
        put(g, "timestamp", c.timestamp().toString());
        put(g, "eventType", c.eventType());
        put(g, "data", c.data());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail, so this is a generator error such as an invalid state.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Parses one journal line.
   *
   * @throws RuntimeException when the line is not a complete record, for example a line cut by a crash
   */
  static RequestRecord fromLine(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("The journal line is not a JSON object");
      }
      Fields f = new Fields();
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        f.read(name, p);
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("The journal line has text after its record");
      }
      return f.toRecord();
    } catch (JsonProcessingException e) {
      // The parser's own message can quote the text of the line, so neither it nor the exception
      // becomes part of this one.
      JsonLocation where = e.getLocation();
      throw new IllegalArgumentException("The journal line is not valid JSON (column "
          + (where == null ? "unknown" : where.getColumnNr()) + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("The journal line could not be read: " + e.getClass().getName());
    }
  }

  /** The fields of one line as they are read, in any order. */
  private static final class Fields {
    UUID requestId;
    String domain;
    OffsetDateTime timestamp;
    String method;
    String path;
    String queryString;
    String requestHeaders;
    String requestBody;
    String apiKeyHash;
    String accountId;
    String model;
    String requestType;
    Integer messageCount;
    Integer responseStatus;
    String responseHeaders;
    String responseBody;
    Boolean streaming;
    TokenUsage usage;
    String usageJson;
    BigDecimal costUsd;
    Integer firstTokenMs;
    Integer durationMs;
    String outcome;
    String errorType;
    String error;
    Integer toolCallCount;
    Integer upstreamAttempts;
    List<RequestRecord.StoredChunk> chunks;

    void read(String name, JsonParser p) throws IOException {
      switch (name) {
        case "requestId" -> requestId = uuid(p, name);
        case "domain" -> domain = string(p, name);
        case "timestamp" -> timestamp = dateTime(p, name);
        case "method" -> method = string(p, name);
        case "path" -> path = string(p, name);
        case "queryString" -> queryString = string(p, name);
        case "requestHeaders" -> requestHeaders = string(p, name);
        case "requestBody" -> requestBody = string(p, name);
        case "apiKeyHash" -> apiKeyHash = string(p, name);
        case "accountId" -> accountId = string(p, name);
        case "model" -> model = string(p, name);
        case "requestType" -> requestType = string(p, name);
        case "messageCount" -> messageCount = integer(p, name);
        case "responseStatus" -> responseStatus = integer(p, name);
        case "responseHeaders" -> responseHeaders = string(p, name);
        case "responseBody" -> responseBody = string(p, name);
        case "streaming" -> streaming = bool(p, name);
        case "usage" -> usage = readUsage(p);
        case "usageJson" -> usageJson = string(p, name);
        case "costUsd" -> {
          expectNumber(p, name);
          costUsd = p.getDecimalValue();
        }
        case "firstTokenMs" -> firstTokenMs = integer(p, name);
        case "durationMs" -> durationMs = integer(p, name);
        case "outcome" -> outcome = string(p, name);
        case "errorType" -> errorType = string(p, name);
        case "error" -> error = string(p, name);
        case "toolCallCount" -> toolCallCount = integer(p, name);
        case "upstreamAttempts" -> upstreamAttempts = integer(p, name);
        case "chunks" -> chunks = readChunks(p);
        default -> p.skipChildren();
      }
    }

    RequestRecord toRecord() {
      return new RequestRecord(required(requestId, "requestId"), domain,
          required(timestamp, "timestamp"), method, path, queryString, requestHeaders, requestBody,
          apiKeyHash, accountId, model, requestType, required(messageCount, "messageCount"),
          required(responseStatus, "responseStatus"), responseHeaders, responseBody,
          required(streaming, "streaming"), required(usage, "usage"), usageJson, costUsd,
          firstTokenMs, required(durationMs, "durationMs"), outcome, errorType, error,
          required(toolCallCount, "toolCallCount"), required(upstreamAttempts, "upstreamAttempts"),
          required(chunks, "chunks"));
    }
  }

  private static List<RequestRecord.StoredChunk> readChunks(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, "chunks");
    List<RequestRecord.StoredChunk> chunks = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("A chunk of the journal line is not a JSON object");
      }
      Integer index = null;
      OffsetDateTime timestamp = null;
      String eventType = null;
      String data = null;
      String name;
      while ((name = p.nextFieldName()) != null) {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "index" -> index = integer(p, name);
          case "timestamp" -> timestamp = dateTime(p, "chunk timestamp");
          case "eventType" -> eventType = string(p, name);
          case "data" -> data = string(p, name);
          default -> p.skipChildren();
        }
      }
      chunks.add(new RequestRecord.StoredChunk(required(index, "chunk index"),
          required(timestamp, "chunk timestamp"), eventType, data));
    }
    return chunks;
  }

  private static void writeUsage(JsonGenerator g, TokenUsage u) throws IOException {
    g.writeObjectFieldStart("usage");
    g.writeNumberField("input", u.inputTokens());
    g.writeNumberField("output", u.outputTokens());
    g.writeNumberField("cacheCreation", u.cacheCreationInputTokens());
    g.writeNumberField("cacheRead", u.cacheReadInputTokens());
    g.writeNumberField("cacheCreation5m", u.cacheCreation5mInputTokens());
    g.writeNumberField("cacheCreation1h", u.cacheCreation1hInputTokens());
    g.writeEndObject();
  }

  /** Reads the usage object; a count that is absent or null reads as 0. */
  private static TokenUsage readUsage(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "usage");
    long input = 0;
    long output = 0;
    long cacheCreation = 0;
    long cacheRead = 0;
    long cacheCreation5m = 0;
    long cacheCreation1h = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "input" -> input = count(p, name);
        case "output" -> output = count(p, name);
        case "cacheCreation" -> cacheCreation = count(p, name);
        case "cacheRead" -> cacheRead = count(p, name);
        case "cacheCreation5m" -> cacheCreation5m = count(p, name);
        case "cacheCreation1h" -> cacheCreation1h = count(p, name);
        default -> p.skipChildren();
      }
    }
    return new TokenUsage(input, output, cacheCreation, cacheRead, cacheCreation5m, cacheCreation1h);
  }

  private static void put(JsonGenerator g, String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, value);
    }
  }

  private static String string(JsonParser p, String name) throws IOException {
    expect(p.currentToken(), JsonToken.VALUE_STRING, name);
    return p.getText();
  }

  private static UUID uuid(JsonParser p, String name) throws IOException {
    String text = string(p, name);
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The journal field " + name + " is not a UUID");
    }
  }

  private static OffsetDateTime dateTime(JsonParser p, String name) throws IOException {
    String text = string(p, name);
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The journal field " + name + " is not an ISO-8601 date-time with an offset");
    }
  }

  private static int integer(JsonParser p, String name) throws IOException {
    expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, name);
    try {
      return p.getIntValue();
    } catch (InputCoercionException e) {
      throw outOfRange(name);
    }
  }

  private static long count(JsonParser p, String name) throws IOException {
    expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, name);
    try {
      return p.getLongValue();
    } catch (InputCoercionException e) {
      throw outOfRange(name);
    }
  }

  private static IllegalArgumentException outOfRange(String name) {
    return new IllegalArgumentException("The journal field " + name + " is out of range");
  }

  private static boolean bool(JsonParser p, String name) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw new IllegalArgumentException("The journal field " + name + " is not a boolean");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static void expectNumber(JsonParser p, String name) {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new IllegalArgumentException("The journal field " + name + " is not a number");
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String field) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "The journal field " + field + " is " + actual + ", expected " + expected);
    }
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("The journal line has no " + name);
    }
    return value;
  }

  /** Returns a capacity for the line's buffer: its texts plus room for names and numbers. */
  private static int estimateLength(RequestRecord r) {
    long length = 1_024L + length(r.requestBody()) + length(r.responseBody())
        + length(r.requestHeaders()) + length(r.responseHeaders()) + length(r.usageJson());
    for (RequestRecord.StoredChunk chunk : r.chunks()) {
      length += length(chunk.data()) + 128;
    }
    return (int) Math.min(length + length / 8, Integer.MAX_VALUE - 8);
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
