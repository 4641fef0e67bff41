package dev.claudenexus.testsupport.anthropic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Header fields in the order they were received, with case-insensitive lookup by name.
 *
 * <p>Duplicate fields are kept as separate entries, so {@link #all(String)} returns every value of a
 * repeated field in order.
 */
public final class HeaderFields {

  private final List<HeaderField> fields;

  public HeaderFields(List<HeaderField> fields) {
    this.fields = List.copyOf(fields);
  }

  /** Returns the value of the first field with this name, or {@code null} when there is none. */
  public String first(String name) {
    for (HeaderField field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        return field.value();
      }
    }
    return null;
  }

  /** Returns the values of all fields with this name, in the order received. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (HeaderField field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        values.add(field.value());
      }
    }
    return Collections.unmodifiableList(values);
  }

  public boolean contains(String name) {
    return first(name) != null;
  }

  /** Returns whether any comma-separated element of any field with this name equals the token, ignoring case. */
  public boolean containsToken(String name, String token) {
    for (String value : all(name)) {
      for (String element : value.split(",")) {
        if (element.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns every field in the order received. */
  public List<HeaderField> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
