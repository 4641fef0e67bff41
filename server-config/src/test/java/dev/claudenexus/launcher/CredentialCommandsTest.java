package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCommandsTest {

  @TempDir Path directory;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  private CredentialCommands commands() {
    return new CredentialCommands(directory, out);
  }

  private void write(String domain, String json) throws Exception {
    Files.writeString(directory.resolve(domain + ".credentials.json"), json);
  }

  private JsonObject read(String domain) throws Exception {
    return JSON.createReader(new StringReader(
        Files.readString(directory.resolve(domain + ".credentials.json")))).readObject();
  }

  @Test
  void listShowsStatusWithoutKeys() throws Exception {
    write("team.example.com", "{\"type\":\"api_key\",\"accountId\":\"acc\",\"api_key\":\"sk-ant-secret\","
        + "\"client_api_key\":\"cnp_live_secret\"}");
    write("max.example.com", "{\"type\":\"oauth\",\"oauth\":{\"accessToken\":\"sk-ant-oat-secret\","
        + "\"expiresAt\":1}}");
    write("broken.example.com", "{ not json");
    commands().list();
    String text = output.toString(StandardCharsets.UTF_8);

    assertTrue(text.contains("team.example.com  valid (api_key), account acc, client key present"), text);
    assertTrue(text.contains("max.example.com  expired (oauth), missing refresh token"), text);
    assertTrue(text.contains("broken.example.com  invalid ("), text);
    assertFalse(text.contains("secret"), text);
  }

  @Test
  void removeDeletesTheFile() throws Exception {
    write("team.example.com", "{\"type\":\"api_key\",\"api_key\":\"k\"}");
    commands().remove("team.example.com");

    assertFalse(Files.exists(directory.resolve("team.example.com.credentials.json")));
  }

  @Test
  void removeOfUnknownDomainFails() {
    assertThrows(IllegalArgumentException.class, () -> commands().remove("nothing.example.com"));
  }

  @Test
  void rotateKeepsOldKeyForGrace() throws Exception {
    write("team.example.com", "{\"type\":\"api_key\",\"api_key\":\"k\",\"client_api_key\":\"cnp_live_old\","
        + "\"slack\":{\"webhook_url\":\"https://hooks.example.com/x\"},"
        + "\"previous_client_api_keys\":[{\"key\":\"cnp_live_expired\",\"validUntil\":1}]}");
    long before = System.currentTimeMillis();
    String newKey = commands().rotateClientKey("team.example.com", Duration.ofMinutes(30));
    JsonObject json = read("team.example.com");

    assertNotEquals("cnp_live_old", newKey);
    assertEquals(newKey, json.getString("client_api_key"));
    assertEquals(1, json.getJsonArray("previous_client_api_keys").size());
    JsonObject previous = json.getJsonArray("previous_client_api_keys").getJsonObject(0);
    assertEquals("cnp_live_old", previous.getString("key"));
    assertTrue(previous.getJsonNumber("validUntil").longValue() >= before + Duration.ofMinutes(30).toMillis());
    assertEquals("https://hooks.example.com/x", json.getJsonObject("slack").getString("webhook_url"));
  }

  @Test
  void rotateWithoutGraceDropsOldKey() throws Exception {
    write("team.example.com", "{\"type\":\"api_key\",\"api_key\":\"k\",\"client_api_key\":\"cnp_live_old\"}");
    commands().rotateClientKey("team.example.com", Duration.ZERO);

    assertTrue(read("team.example.com").getJsonArray("previous_client_api_keys").isEmpty());
  }

  @Test
  void oauthFileImportedFromClaudeCli() throws Exception {
    Path tokens = directory.resolve("claude-cli.json");
    Files.writeString(tokens, "{\"claudeAiOauth\":{\"accessToken\":\"sk-ant-oat01-a\",\"refreshToken\":\"sk-ant-ort01-r\","
        + "\"expiresAt\":1767225600000,\"scopes\":[\"user:inference\"],\"subscriptionType\":\"max\"}}");
    String key = CredentialFileWriter.writeOAuth(directory, "max.example.com", tokens, "acc_max");
    JsonObject json = read("max.example.com");

    assertEquals("oauth", json.getString("type"));
    assertEquals(key, json.getString("client_api_key"));
    assertEquals("sk-ant-ort01-r", json.getJsonObject("oauth").getString("refreshToken"));
    assertEquals(1767225600000L, json.getJsonObject("oauth").getJsonNumber("expiresAt").longValue());
    assertTrue(json.getJsonObject("oauth").getBoolean("isMax"));
  }

  @Test
  void oauthFileWithoutRefreshTokenRejected() throws Exception {
    Path tokens = directory.resolve("tokens.json");
    Files.writeString(tokens, "{\"accessToken\":\"sk-ant-oat01-a\",\"expiresAt\":1}");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CredentialFileWriter.writeOAuth(directory, "max.example.com", tokens, null));
    assertTrue(error.getMessage().contains("refreshToken is missing"), error.getMessage());
    assertFalse(error.getMessage().contains("sk-ant"), error.getMessage());
  }
}
