package dev.claudenexus.proxy.diagnostics;

import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * File names of test samples:
 * {@code <type>[_streaming][_with_tools][_with_system]_<opus|sonnet|haiku|unknown>-<epoch ms>-<9 random>.json}.
 * Every part comes from a fixed alphabet ({@code a-z}, digits, {@code _} and {@code -}), so a
 * name can never leave the samples directory.
 */
final class SampleFileName {

  private static final String RANDOM_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int RANDOM_LENGTH = 9;

  private SampleFileName() {}

  static String of(RequestRecord record, JsonObject requestBody, RandomGenerator random) {
    StringBuilder name = new StringBuilder(safe(record.requestType()));
    if (record.streaming()) {
      name.append("_streaming");
    }
    if (hasTools(requestBody)) {
      name.append("_with_tools");
    }
    if (hasSystem(requestBody)) {
      name.append("_with_system");
    }
    name.append('_').append(modelFamily(record.model()))
        .append('-').append(record.timestamp().toInstant().toEpochMilli())
        .append('-');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      name.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
    }
    return name.append(".json").toString();
  }

  static String modelFamily(String model) {
    String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
    for (String family : new String[] {"opus", "sonnet", "haiku"}) {
      if (lower.contains(family)) {
        return family;
      }
    }
    return "unknown";
  }

  static boolean hasTools(JsonObject body) {
    return body != null && body.get("tools") instanceof JsonArray tools && !tools.isEmpty();
  }

  static boolean hasSystem(JsonObject body) {
    JsonValue system = body == null ? null : body.get("system");
    return system instanceof JsonArray entries ? !entries.isEmpty()
        : system instanceof JsonString text && !text.getString().isEmpty();
  }

  private static String safe(String requestType) {
    String type = requestType == null ? "" : requestType.replaceAll("[^a-z_]", "");
    return type.isEmpty() ? "other" : type;
  }
}
