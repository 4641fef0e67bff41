package dev.claudenexus.proxy.notifications;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Parses JSON text in tests. */
final class Json {

  private Json() {}

  static JsonObject object(String json) {
    return JsonProvider.provider().createReader(new StringReader(json)).readObject();
  }
}
