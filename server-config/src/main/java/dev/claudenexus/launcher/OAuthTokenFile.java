package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the OAuth tokens to import: the Claude CLI's credentials file, whose tokens sit under
 * {@code claudeAiOauth}, or a bare object with {@code accessToken}, {@code refreshToken} and
 * {@code expiresAt} (epoch milliseconds).
 */
final class OAuthTokenFile {

  private static final long MAX_BYTES = 256 * 1024;

  private OAuthTokenFile() {}

  /**
   * Returns the {@code oauth} object of a credential file.
   *
   * @throws IllegalArgumentException naming the file and the missing or invalid field, never a token
   */
  static JsonObject read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("OAuth token file " + file + " not found");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException("OAuth token file " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    JsonObject json;
    try {
      json = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException("OAuth token file " + file + " is not a JSON object");
    }
    JsonObject tokens = json.containsKey("claudeAiOauth") && json.get("claudeAiOauth") instanceof JsonObject nested
        ? nested : json;
    JsonObjectBuilder oauth = JSON.createObjectBuilder()
        .add("accessToken", string(file, tokens, "accessToken"))
        .add("refreshToken", string(file, tokens, "refreshToken"));
    JsonValue expiresAt = tokens.get("expiresAt");
    if (expiresAt == null || expiresAt.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new IllegalArgumentException("OAuth token file " + file + ": expiresAt (epoch milliseconds) is missing");
    }
    oauth.add("expiresAt", tokens.getJsonNumber("expiresAt").longValue());
    if (tokens.get("scopes") instanceof jakarta.json.JsonArray scopes) {
      oauth.add("scopes", scopes);
    }
    oauth.add("isMax", "max".equals(tokens.getString("subscriptionType", "")) || tokens.getBoolean("isMax", false));
    return oauth.build();
  }

  private static String string(Path file, JsonObject tokens, String key) {
    JsonValue value = tokens.get(key);
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING || tokens.getString(key).isBlank()) {
      throw new IllegalArgumentException("OAuth token file " + file + ": " + key + " is missing");
    }
    return tokens.getString(key).strip();
  }
}
