package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the acceptance data below {@code src/test/resources/conversation/acceptance}. Every hash in it
 * was computed by the original TypeScript proxy, as its README describes. Bodies go through Parsson,
 * the JSON-P parser that production uses, so duplicate keys and number forms read as in production.
 */
final class AcceptanceData {

  private static final String ROOT = "/conversation/acceptance/";

  private AcceptanceData() {
  }

  static JsonObject object(String relativePath) {
    try (InputStream in = open(relativePath); JsonReader reader = JSON.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String relativePath) {
    try (InputStream in = open(relativePath)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static InputStream open(String relativePath) {
    InputStream in = AcceptanceData.class.getResourceAsStream(ROOT + relativePath);
    if (in == null) {
      throw new IllegalStateException("Test resource not found: " + ROOT + relativePath);
    }
    return in;
  }
}
