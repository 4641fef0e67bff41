package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/** Parses and indents the JSON documents that the request table stores as text. */
public final class JsonDocuments {

  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private JsonDocuments() {}

  /** Returns the parsed document, or empty when {@code text} is {@code null}, blank or not JSON. */
  public static Optional<JsonValue> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return Optional.of(reader.readValue());
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code value} as indented JSON. */
  public static String pretty(JsonValue value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = PRETTY.createWriter(out)) {
      writer.write(value);
    }
    return out.toString().strip();
  }

  /** Returns {@code text} indented when it is JSON, else unchanged; {@code null} stays null. */
  public static String prettyOrAsIs(String text) {
    if (text == null) {
      return null;
    }
    return parse(text).map(JsonDocuments::pretty).orElse(text);
  }
}
