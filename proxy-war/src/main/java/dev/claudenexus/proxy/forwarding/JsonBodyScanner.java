package dev.claudenexus.proxy.forwarding;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.classification.RequestClassifier;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link JsonBodySummary} from a request body with the streaming JSON parser. The whole body
 * is still checked for valid JSON, but only the fields of the summary are turned into strings. Tools,
 * system prompts and other content are scanned without building JSON values for them.
 */
final class JsonBodyScanner {

  private JsonBodyScanner() {}

  /**
   * Reads exactly one JSON value, so that text after it (such as a second object) makes the body
   * invalid instead of being ignored.
   *
   * @return the summary, or {@code null} when the body is valid JSON but not an object
   * @throws RuntimeException when the body is not valid JSON. Parsson reports syntax errors as
   *     {@link JsonException} and nesting deeper than its limit (1000 by default in Parsson 1.1) as
   *     a plain {@code RuntimeException}.
   */
  static JsonBodySummary scan(byte[] body) {
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
      Event first = parser.next();
      JsonBodySummary summary = null;
      if (first == Event.START_OBJECT) {
        summary = readTopObject(parser);
      } else {
        skipValue(parser, first);
      }
      if (parser.hasNext()) {
        throw new JsonException("unexpected text after the JSON value");
      }
      return summary;
    }
  }

  private static JsonBodySummary readTopObject(JsonParser parser) {
    String model = null;
    boolean stream = false;
    int systemEntries = 0;
    Messages messages = Messages.ABSENT;
    while (parser.next() == Event.KEY_NAME) {
      String key = parser.getString();
      Event value = parser.next();
      switch (key) {
        case "model" -> model = value == Event.VALUE_STRING ? parser.getString() : skipToNull(parser, value);
        case "stream" -> stream = skipTo(parser, value, value == Event.VALUE_TRUE);
        case "system" -> systemEntries = systemEntries(parser, value);
        case "messages" -> messages = value == Event.START_ARRAY ? readMessages(parser)
            : skipTo(parser, value, Messages.ABSENT);
        default -> skipValue(parser, value);
      }
    }
    return new JsonBodySummary(model, stream, messages != Messages.ABSENT, messages.count(),
        systemEntries + messages.systemRoles(), messages.lastUserTextIsQuota());
  }

  private static int systemEntries(JsonParser parser, Event value) {
    if (value == Event.START_ARRAY) {
      int count = 0;
      Event element;
      while ((element = parser.next()) != Event.END_ARRAY) {
        skipValue(parser, element);
        count++;
      }
      return count;
    }
    if (value == Event.VALUE_STRING) {
      return parser.getString().isEmpty() ? 0 : 1;
    }
    skipValue(parser, value);
    return 0;
  }

  /** Facts of a {@code messages} array, or {@link #ABSENT} when the body has none. */
  private record Messages(int count, int systemRoles, boolean lastUserTextIsQuota) {
    static final Messages ABSENT = new Messages(0, 0, false);
  }

  private static Messages readMessages(JsonParser parser) {
    int count = 0;
    int systemRoles = 0;
    boolean lastUserTextIsQuota = false;
    Event element;
    while ((element = parser.next()) != Event.END_ARRAY) {
      count++;
      if (element != Event.START_OBJECT) {
        skipValue(parser, element);
        continue;
      }
      Message message = readMessage(parser);
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

  private static Message readMessage(JsonParser parser) {
    String role = null;
    boolean textIsQuota = false;
    while (parser.next() == Event.KEY_NAME) {
      String key = parser.getString();
      Event value = parser.next();
      switch (key) {
        case "role" -> role = value == Event.VALUE_STRING ? parser.getString() : skipToNull(parser, value);
        case "content" -> textIsQuota = RequestClassifier.isQuotaText(contentText(parser, value));
        default -> skipValue(parser, value);
      }
    }
    return new Message(role, textIsQuota);
  }

  /**
   * Returns the text of a message's content: the content when it is a string, else its text blocks
   * joined by newlines, as the classifier reads a parsed body.
   */
  private static String contentText(JsonParser parser, Event value) {
    if (value == Event.VALUE_STRING) {
      return parser.getString();
    }
    if (value != Event.START_ARRAY) {
      skipValue(parser, value);
      return "";
    }
    List<String> parts = new ArrayList<>();
    Event element;
    while ((element = parser.next()) != Event.END_ARRAY) {
      if (element != Event.START_OBJECT) {
        skipValue(parser, element);
        continue;
      }
      String text = blockText(parser);
      if (text != null) {
        parts.add(text);
      }
    }
    return String.join("\n", parts);
  }

  /**
   * Reads a content block and returns its text when it is a text block (its {@code type} is "text"
   * or absent, and its {@code text} is a string), else {@code null}.
   */
  private static String blockText(JsonParser parser) {
    boolean textType = true;
    String text = null;
    while (parser.next() == Event.KEY_NAME) {
      String key = parser.getString();
      Event value = parser.next();
      switch (key) {
        case "type" -> textType = value == Event.VALUE_STRING ? parser.getString().equals("text")
            : skipTo(parser, value, false);
        case "text" -> text = value == Event.VALUE_STRING ? parser.getString() : skipToNull(parser, value);
        default -> skipValue(parser, value);
      }
    }
    return textType ? text : null;
  }

  /** Skips the value that starts with {@code first}, including everything nested in it. */
  private static void skipValue(JsonParser parser, Event first) {
    int depth = 0;
    Event event = first;
    while (true) {
      if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
        depth++;
      } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
        depth--;
      }
      if (depth == 0) {
        return;
      }
      event = parser.next();
    }
  }

  private static <T> T skipTo(JsonParser parser, Event first, T result) {
    skipValue(parser, first);
    return result;
  }

  private static String skipToNull(JsonParser parser, Event first) {
    return skipTo(parser, first, null);
  }
}
