package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.credentials.CredentialFileParser;
import dev.claudenexus.credentials.CredentialStatus;
import dev.claudenexus.credentials.InvalidCredentialFileException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** {@code bin/nexus credentials list | remove | rotate-client-key} over the credentials directory. */
final class CredentialCommands {

  private final Path directory;
  private final PrintStream out;

  CredentialCommands(Path directory, PrintStream out) {
    this.directory = directory;
    this.out = out;
  }

  /** Prints one status line per credential file, the same line the proxy logs at start-up. */
  void list() throws IOException {
    if (!Files.isDirectory(directory)) {
      out.println("No credentials directory at " + directory);
      return;
    }
    List<Path> files;
    try (Stream<Path> stream = Files.list(directory)) {
      files = stream.filter(f -> f.getFileName().toString().endsWith(CredentialFile.FILE_SUFFIX)).sorted().toList();
    }
    if (files.isEmpty()) {
      out.println("No credential files in " + directory);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String domain = name.substring(0, name.length() - CredentialFile.FILE_SUFFIX.length());
      out.println(domain + "  " + status(domain, file));
    }
  }

  private static String status(String domain, Path file) {
    try {
      return CredentialStatus.of(CredentialFileParser.parse(domain, Files.readString(file, StandardCharsets.UTF_8)),
          System.currentTimeMillis());
    } catch (IOException | InvalidCredentialFileException e) {
      return "invalid (" + e.getMessage() + ")";
    }
  }

  /** Deletes a domain's file; its clients are rejected from then on. */
  void remove(String domain) throws IOException {
    Path file = fileOf(domain);
    Files.delete(file);
    out.println("Removed " + file + "; clients of " + domain + " are rejected from now on.");
  }

  /**
   * Gives a domain a new client key and returns it. The old key keeps working for {@code grace},
   * listed under {@code previous_client_api_keys} with its end in epoch milliseconds. Keys whose
   * grace ended are dropped.
   */
  String rotateClientKey(String domain, Duration grace) throws IOException {
    Path file = fileOf(domain);
    JsonObject json = readObject(file);
    String newKey = ClientKeys.generate();
    long now = System.currentTimeMillis();
    JsonArrayBuilder previous = JSON.createArrayBuilder();
    if (json.get("previous_client_api_keys") instanceof jakarta.json.JsonArray old) {
      for (JsonValue entry : old) {
        if (entry instanceof JsonObject key && key.getJsonNumber("validUntil") != null
            && key.getJsonNumber("validUntil").longValue() > now) {
          previous.add(key);
        }
      }
    }
    String current = json.getString("client_api_key", "");
    if (!current.isEmpty() && !grace.isZero()) {
      previous.add(JSON.createObjectBuilder().add("key", current).add("validUntil", now + grace.toMillis()));
    }
    JsonObject updated = JSON.createObjectBuilder(json)
        .add("client_api_key", newKey)
        .add("previous_client_api_keys", previous)
        .build();
    CredentialFileWriter.replace(file, updated);
    return newKey;
  }

  private Path fileOf(String domain) {
    CredentialFileWriter.validateDomain(domain);
    Path file = directory.resolve(domain + CredentialFile.FILE_SUFFIX);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No credential file for domain \"" + domain + "\" in " + directory
          + "; run bin/nexus credentials list");
    }
    return file;
  }

  private static JsonObject readObject(Path file) throws IOException {
    try {
      return JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException(file + " is not a JSON object; fix or remove it first");
    }
  }
}
