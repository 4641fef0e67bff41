package dev.claudenexus.proxy.forwarding;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Reads a {@link JsonBodySummary} from a request body with Jackson's streaming parser. The whole body
 * is still checked for valid JSON, but only the fields of the summary are turned into strings. The
 * parser skips tools, system prompts and message texts without decoding them. The quota check
 * reads a message text from the body bytes only until the text is ruled out.
 */
final class JsonBodyScanner {

  /** Deepest nesting accepted, the same as the default of Parsson, the JSON-P parser. */
  static final int MAX_NESTING_DEPTH = 1000;

  /** The maximum number of characters of an invalid token that an error message quotes. */
  static final int MAX_ERROR_TOKEN_CHARS = 16;

  /**
   * Strict JSON without the default limits on string, number and name length, which a valid body of
   * up to {@code MAX_REQUEST_SIZE} (such as a large base64 image) could exceed. A hash flood of field
   * names makes the parser stop sharing names instead of failing. Error messages quote at most
   * {@value #MAX_ERROR_TOKEN_CHARS} characters of an invalid token and no raw content, because the
   * message goes back to the client and into the stored record, and the token may be a key.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .errorReportConfiguration(ErrorReportConfiguration.builder()
          .maxErrorTokenLength(MAX_ERROR_TOKEN_CHARS)
          .maxRawContentLength(0)
          .build())
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .build())
      .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
      .build();

  private JsonBodyScanner() {}

  /** The body is not valid JSON, or nests deeper than {@link #MAX_NESTING_DEPTH}. */
  static final class InvalidJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidJsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads exactly one JSON value, so that text after it (such as a second object) makes the body
   * invalid instead of being ignored.
   *
   * @return the summary, or {@code null} when the body is valid JSON but not an object
   * @throws InvalidJsonException when the body is not valid JSON, naming the line and column
   */
  static JsonBodySummary scan(byte[] body) {
    try (JsonParser parser = parser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidJsonException("the body is empty", null);
      }
      JsonBodySummary summary = null;
      if (first == JsonToken.START_OBJECT) {
        summary = readTopObject(parser, body);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw new InvalidJsonException("unexpected text after the JSON value at " + where(parser), null);
      }
      return summary;
    } catch (StreamConstraintsException e) {
      throw new InvalidJsonException("the JSON nests deeper than " + MAX_NESTING_DEPTH + " levels", e);
    } catch (JsonParseException e) {
      throw new InvalidJsonException(e.getOriginalMessage() + " at " + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new InvalidJsonException(e.getMessage(), e);
    }
  }

  /** Creates a parser of {@code body} with the scanner's settings. */
  static JsonParser parser(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }

  private static String where(JsonParser parser) {
    return where(parser.currentTokenLocation());
  }

  private static String where(JsonLocation location) {
    return location == null ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static JsonBodySummary readTopObject(JsonParser parser, byte[] body) throws IOException {
    String model = null;
    boolean stream = false;
    int systemEntries = 0;
    Messages messages = Messages.ABSENT;
    String key;
    while ((key = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (key) {
        case "model" -> model = stringOrSkip(parser, value);
        case "stream" -> stream = value == JsonToken.VALUE_TRUE || skipTo(parser, false);
        case "system" -> systemEntries = systemEntries(parser, value);
        case "messages" -> messages = value == JsonToken.START_ARRAY ? readMessages(parser, body)
            : skipTo(parser, Messages.ABSENT);
        default -> parser.skipChildren();
      }
    }
    return new JsonBodySummary(model, stream, messages != Messages.ABSENT, messages.count(),
        systemEntries + messages.systemRoles(), messages.lastUserTextIsQuota());
  }

  private static int systemEntries(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.START_ARRAY) {
      int count = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        parser.skipChildren();
        count++;
      }
      return count;
    }
    if (value == JsonToken.VALUE_STRING) {
      return parser.getTextLength() == 0 ? 0 : 1;
    }
    parser.skipChildren();
    return 0;
  }

  /** Facts of a {@code messages} array, or {@link #ABSENT} when the body has none. */
  private record Messages(int count, int systemRoles, boolean lastUserTextIsQuota) {
    static final Messages ABSENT = new Messages(0, 0, false);
  }

  private static Messages readMessages(JsonParser parser, byte[] body) throws IOException {
    int count = 0;
    int systemRoles = 0;
    boolean lastUserTextIsQuota = false;
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      count++;
      if (element != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      Message message = readMessage(parser, body);
      if ("system".equals(message.role())) {
        systemRoles++;
      } else if ("user".equals(message.role())) {
        lastUserTextIsQuota = message.textIsQuota();
      }
    }
    return new Messages(count, systemRoles, lastUserTextIsQuota);
  }

  /** A message: its role when that is a string, and whether its text is "quota". */
  private record Message(String role, boolean textIsQuota) {}

  private static Message readMessage(JsonParser parser, byte[] body) throws IOException {
    String role = null;
    boolean textIsQuota = false;
    String key;
    while ((key = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (key) {
        case "role" -> role = stringOrSkip(parser, value);
        case "content" -> textIsQuota = contentIsQuota(parser, value, body);
        default -> parser.skipChildren();
      }
    }
    return new Message(role, textIsQuota);
  }

  /**
   * Returns whether the text of a message's content is "quota": the content when it is a string,
   * else its text blocks joined by newlines, as the classifier reads a parsed body. The texts are
   * read from the body bytes only as far as needed to decide; the parser skips them.
   */
  private static boolean contentIsQuota(JsonParser parser, JsonToken value, byte[] body)
      throws IOException {
    QuotaTextMatcher matcher = new QuotaTextMatcher();
    if (value == JsonToken.VALUE_STRING) {
      TextRef.of(parser, body).feed(matcher, body);
      return matcher.matches();
    }
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return false;
    }
    boolean first = true;
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (element != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      TextRef text = blockText(parser, body);
      if (text != null && !matcher.ruledOut()) {
        if (!first) {
          matcher.accept('\n');
        }
        text.feed(matcher, body);
        first = false;
      }
    }
    return matcher.matches();
  }

  /**
   * Reads a content block and returns its text when it is a text block (its {@code type} is "text"
   * or absent, and its {@code text} is a string), else {@code null}.
   */
  private static TextRef blockText(JsonParser parser, byte[] body) throws IOException {
    boolean textType = true;
    TextRef text = null;
    String key;
    while ((key = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (key) {
        case "type" -> textType = value == JsonToken.VALUE_STRING ? parser.getText().equals("text")
            : skipTo(parser, false);
        case "text" -> text = value == JsonToken.VALUE_STRING ? TextRef.of(parser, body)
            : skipTo(parser, null);
        default -> parser.skipChildren();
      }
    }
    return textType ? text : null;
  }

  /**
   * A string value the parser is on, by the position of its opening quote in the body, so that it
   * can be read later without decoding it now. When the parser's position does not point at a quote,
   * the string is decoded at once instead.
   */
  record TextRef(int quote, String decoded) {

    static TextRef of(JsonParser parser, byte[] body) throws IOException {
      long offset = parser.currentTokenLocation().getByteOffset();
      if (offset >= 0 && offset < body.length && body[(int) offset] == '"') {
        return new TextRef((int) offset, null);
      }
      return new TextRef(-1, parser.getText());
    }

    void feed(QuotaTextMatcher matcher, byte[] body) {
      if (decoded != null) {
        matcher.accept(decoded);
      } else {
        matcher.acceptJsonString(body, quote);
      }
    }
  }

  /** Returns the current value when it is a string, else skips it and returns {@code null}. */
  private static String stringOrSkip(JsonParser parser, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_STRING ? parser.getText() : skipTo(parser, null);
  }

  /** Skips the current value, including everything nested in it, and returns {@code result}. */
  private static <T> T skipTo(JsonParser parser, T result) throws IOException {
    parser.skipChildren();
    return result;
  }
}
