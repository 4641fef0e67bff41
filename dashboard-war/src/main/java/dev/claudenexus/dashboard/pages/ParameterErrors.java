package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the messages of invalid query parameters of a page. A page replaces an invalid value by
 * its default and shows the message, instead of failing as the JSON API does.
 */
final class ParameterErrors {

  private final List<String> messages = new ArrayList<>();

  /** Returns the parser's value, or {@code fallback} after keeping the message of its failure. */
  <T> T parse(Supplier<T> parser, T fallback) {
    try {
      return parser.get();
    } catch (InvalidParameterException e) {
      messages.add(e.getMessage());
      return fallback;
    }
  }

  void add(String message) {
    messages.add(message);
  }

  /** Returns the messages as one text, or {@code null} when every parameter was valid. */
  String message() {
    return messages.isEmpty() ? null : String.join(" ", messages);
  }
}
