package dev.claudenexus.dashboard.pages.request;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A header or a metadata field: a name and its value as text. */
public record NameValue(String name, String value) {

  /**
   * Returns the fields of a stored JSON object sorted by name, string values as they are and other
   * values as JSON; empty when {@code stored} is not a JSON object.
   */
  public static List<NameValue> fieldsOf(String stored) {
    if (!(JsonDocuments.parse(stored).orElse(null) instanceof JsonObject object)) {
      return List.of();
    }
    List<NameValue> fields = new ArrayList<>(object.size());
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      String value = field.getValue() instanceof JsonString string
          ? string.getString() : field.getValue().toString();
      fields.add(new NameValue(field.getKey(), value));
    }
    fields.sort(Comparator.comparing(NameValue::name));
    return fields;
  }
}
