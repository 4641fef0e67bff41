package dev.claudenexus.proxy.oauth;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Client of the OAuth token endpoint: exchanges a refresh token for a new token pair with the
 * {@code refresh_token} grant (RFC 6749 section 6), as the Claude CLI does.
 */
final class TokenEndpoint {

  static final List<String> DEFAULT_SCOPES = List.of("org:create_api_key", "user:profile", "user:inference");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI tokenUrl;
  private final String clientId;

  TokenEndpoint(URI tokenUrl, String clientId) {
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
  }

  /**
   * Exchanges the refresh token.
   *
   * @throws OAuthRefreshException when the endpoint is unreachable or rejects the token
   */
  RefreshedTokens refresh(String refreshToken, long nowMillis) throws OAuthRefreshException {
    String body = JSON.createObjectBuilder()
        .add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken)
        .add("client_id", clientId)
        .build()
        .toString();
    HttpRequest request = HttpRequest.newBuilder(tokenUrl)
        .timeout(TIMEOUT)
        .header("content-type", "application/json")
        .header("anthropic-beta", "oauth-2025-04-20")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OAuthRefreshException("The OAuth token endpoint " + tokenUrl + " is unreachable: " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthRefreshException("The token refresh was interrupted", false, e);
    }
    return parse(response, refreshToken, nowMillis);
  }

  private RefreshedTokens parse(HttpResponse<String> response, String oldRefreshToken, long nowMillis)
      throws OAuthRefreshException {
    JsonObject json = parseObject(response.body());
    if (response.statusCode() != 200) {
      String error = json == null ? "" : string(json, "error");
      boolean invalidGrant = "invalid_grant".equals(error);
      throw new OAuthRefreshException("The OAuth token endpoint rejected the refresh (HTTP "
          + response.statusCode() + (error.isEmpty() ? "" : ", " + error) + ")"
          + (invalidGrant ? "; the refresh token is no longer valid: log in again and update the credential file" : ""),
          invalidGrant, null);
    }
    if (json == null || string(json, "access_token").isEmpty()) {
      throw new OAuthRefreshException("The OAuth token endpoint returned no access_token", false, null);
    }
    String refreshToken = string(json, "refresh_token");
    long expiresIn = json.containsKey("expires_in") && json.get("expires_in").getValueType() == JsonValue.ValueType.NUMBER
        ? json.getJsonNumber("expires_in").longValue() : 3600;
    String scope = string(json, "scope");
    return new RefreshedTokens(
        string(json, "access_token"),
        refreshToken.isEmpty() ? oldRefreshToken : refreshToken,
        nowMillis + expiresIn * 1000,
        scope.isBlank() ? DEFAULT_SCOPES : Arrays.asList(scope.strip().split("\\s+")));
  }

  private static JsonObject parseObject(String body) {
    try {
      JsonValue value = JSON.createReader(new StringReader(body)).readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING ? json.getString(key) : "";
  }
}
