package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFileWriterTest {

  private static final String API_KEY = "sk-ant-api03-test";

  @TempDir Path directory;

  private JsonObject written(String domain) throws IOException {
    String text = Files.readString(directory.resolve(domain + ".credentials.json"));
    return JSON.createReader(new StringReader(text)).readObject();
  }

  @Test
  void fileHasApiKeyFields() throws IOException {
    String clientKey = CredentialFileWriter.write(directory, "localhost:3000", API_KEY, "acc_team");

    JsonObject json = written("localhost:3000");
    assertEquals("api_key", json.getString("type"));
    assertEquals(API_KEY, json.getString("api_key"));
    assertEquals(clientKey, json.getString("client_api_key"));
    assertEquals("acc_team", json.getString("accountId"));
  }

  @Test
  void returnedKeyIsNewClientKey() throws IOException {
    String clientKey = CredentialFileWriter.write(directory, "example.com", API_KEY, null);

    assertTrue(clientKey.matches("cnp_live_[0-9a-f]{64}"), clientKey);
  }

  @Test
  void accountIdDefaultsFromDomain() throws IOException {
    CredentialFileWriter.write(directory, "localhost:3000", API_KEY, null);

    assertEquals("acc_localhost_3000", written("localhost:3000").getString("accountId"));
  }

  @Test
  void apiKeyIsStripped() throws IOException {
    CredentialFileWriter.write(directory, "example.com", "  " + API_KEY + "\n", null);

    assertEquals(API_KEY, written("example.com").getString("api_key"));
  }

  @Test
  void fileIsOwnerReadWriteOnly() throws IOException {
    CredentialFileWriter.write(directory, "example.com", API_KEY, null);

    assertEquals(PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(directory.resolve("example.com.credentials.json")));
  }

  @Test
  void noTemporaryFileIsLeft() throws IOException {
    CredentialFileWriter.write(directory, "example.com", API_KEY, null);

    try (var files = Files.list(directory)) {
      assertEquals(Set.of("example.com.credentials.json"),
          Set.copyOf(files.map(file -> file.getFileName().toString()).toList()));
    }
  }

  @Test
  void missingDirectoryIsCreated() throws IOException {
    Path nested = directory.resolve("a").resolve("credentials");

    CredentialFileWriter.write(nested, "example.com", API_KEY, null);

    assertTrue(Files.isRegularFile(nested.resolve("example.com.credentials.json")));
  }

  @Test
  void existingFileIsRefused() throws IOException {
    Path file = directory.resolve("example.com.credentials.json");
    Files.writeString(file, "{\"type\":\"api_key\",\"api_key\":\"old\"}");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CredentialFileWriter.write(directory, "example.com", API_KEY, null));

    assertTrue(error.getMessage().contains("already exists"), error.getMessage());
    assertEquals("{\"type\":\"api_key\",\"api_key\":\"old\"}", Files.readString(file));
  }

  @Test
  void invalidDomainsAreRefused() {
    for (String domain : List.of("../x", "a/b", "UPPER.example", "..", "a..b", "", "a b", "a\\b",
        "a\u0000b", "m\u00fcnchen.de", "[::1]:3000")) {
      assertThrows(IllegalArgumentException.class,
          () -> CredentialFileWriter.write(directory, domain, API_KEY, null), domain);
    }
  }

  @Test
  void refusedDomainWritesNothing() throws IOException {
    assertThrows(IllegalArgumentException.class,
        () -> CredentialFileWriter.write(directory, "../x", API_KEY, null));

    try (var files = Files.list(directory.getParent())) {
      assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith("x.credentials")));
    }
  }

  @Test
  void blankApiKeyIsRefused() {
    for (String apiKey : List.of("", "   ", "\n\t")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> CredentialFileWriter.write(directory, "example.com", apiKey, null));

      assertEquals("The API key is empty", error.getMessage());
    }
  }
}
