package dev.claudenexus.credentials;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON of a credential file and checks the fields its type requires. */
public final class CredentialFileParser {

  private CredentialFileParser() {}

  /**
   * Parses a credential file.
   *
   * @throws InvalidCredentialFileException naming the missing or invalid field, never its value
   */
  public static CredentialFile parse(String domain, String text) {
    JsonValue value;
    try {
      value = JSON.createReader(new StringReader(text)).readValue();
    } catch (RuntimeException e) {
      // Parsson reports syntax errors as JsonException, but nesting deeper than its limit (1000 by
      // default in Parsson 1.1) as a plain RuntimeException. The message omits the parser's text,
      // which can quote the file.
      throw new InvalidCredentialFileException("the file is not valid JSON");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidCredentialFileException("the file must contain a JSON object");
    }
    JsonObject json = value.asJsonObject();
    String type = string(json, "type");
    if (type == null) {
      throw new InvalidCredentialFileException("\"type\" is missing (use \"api_key\" or \"oauth\")");
    }
    String accountId = string(json, "accountId");
    String clientKey = string(json, "client_api_key");
    if (CredentialFile.TYPE_API_KEY.equals(type)) {
      String apiKey = string(json, "api_key");
      if (apiKey == null || apiKey.isBlank()) {
        throw new InvalidCredentialFileException("\"api_key\" is missing for type api_key");
      }
      return new CredentialFile(domain, type, accountId, apiKey.strip(), null, clientKey,
          SlackWebhookParser.parse(json.get("slack")), previousKeys(json));
    }
    if (CredentialFile.TYPE_OAUTH.equals(type)) {
      JsonValue oauth = json.get("oauth");
      if (oauth == null || oauth.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidCredentialFileException("\"oauth\" object is missing for type oauth");
      }
      return new CredentialFile(domain, type, accountId, null, oauthTokens(oauth.asJsonObject()), clientKey,
          SlackWebhookParser.parse(json.get("slack")), previousKeys(json));
    }
    throw new InvalidCredentialFileException(
        "\"type\" must be \"api_key\" or \"oauth\", not \"" + abbreviate(type) + "\"");
  }

  /** Reads {@code previous_client_api_keys}, {@code [{"key": ..., "validUntil": epoch ms}]}, skipping bad entries. */
  private static List<CredentialFile.PreviousClientKey> previousKeys(JsonObject json) {
    List<CredentialFile.PreviousClientKey> keys = new ArrayList<>();
    if (json.get("previous_client_api_keys") instanceof jakarta.json.JsonArray entries) {
      for (JsonValue entry : entries) {
        if (entry instanceof JsonObject previous
            && previous.get("key") instanceof jakarta.json.JsonString key
            && previous.get("validUntil") instanceof jakarta.json.JsonNumber validUntil
            && !key.getString().isBlank()) {
          keys.add(new CredentialFile.PreviousClientKey(key.getString().strip(), validUntil.longValue()));
        }
      }
    }
    return keys;
  }

  private static OAuthTokens oauthTokens(JsonObject oauth) {
    String accessToken = string(oauth, "accessToken");
    if (accessToken == null || accessToken.isBlank()) {
      throw new InvalidCredentialFileException("\"oauth.accessToken\" is missing");
    }
    String refreshToken = string(oauth, "refreshToken");
    JsonValue expiresAt = oauth.get("expiresAt");
    long expiresAtMillis = Long.MAX_VALUE;
    if (expiresAt != null && expiresAt.getValueType() == JsonValue.ValueType.NUMBER) {
      expiresAtMillis = oauth.getJsonNumber("expiresAt").longValue();
    } else if (expiresAt != null && expiresAt.getValueType() != JsonValue.ValueType.NULL) {
      throw new InvalidCredentialFileException("\"oauth.expiresAt\" must be epoch milliseconds");
    }
    List<String> scopes = new ArrayList<>();
    JsonValue scopeList = oauth.get("scopes");
    if (scopeList != null && scopeList.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue scope : scopeList.asJsonArray()) {
        if (scope.getValueType() == JsonValue.ValueType.STRING) {
          scopes.add(((jakarta.json.JsonString) scope).getString());
        }
      }
    }
    return new OAuthTokens(accessToken.strip(),
        refreshToken == null || refreshToken.isBlank() ? null : refreshToken.strip(),
        expiresAtMillis, scopes);
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidCredentialFileException("\"" + key + "\" must be a string");
    }
    return json.getString(key);
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }
}
