package dev.claudenexus.proxy.oauth;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes a refreshed token pair into a credential file. Every other field of the file is kept. The new
 * file is written to a temporary file in the same directory, forced to disk and renamed over the old
 * one, so a crash leaves either the old or the new file, never half of one.
 */
final class CredentialFileUpdater {

  private CredentialFileUpdater() {}

  static void writeTokens(Path file, RefreshedTokens tokens) throws IOException {
    JsonObject current = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))
        .readObject();
    JsonObject oauth = current.containsKey("oauth") && current.get("oauth").getValueType() == JsonValue.ValueType.OBJECT
        ? current.getJsonObject("oauth") : JsonValue.EMPTY_JSON_OBJECT;
    JsonArrayBuilder scopes = JSON.createArrayBuilder();
    tokens.scopes().forEach(scopes::add);
    JsonObject updatedOAuth = JSON.createObjectBuilder(oauth)
        .add("accessToken", tokens.accessToken())
        .add("refreshToken", tokens.refreshToken())
        .add("expiresAt", tokens.expiresAtMillis())
        .add("scopes", scopes)
        .build();
    JsonObjectBuilder updated = JSON.createObjectBuilder(current).add("oauth", updatedOAuth);
    replaceAtomically(file, pretty(updated.build()));
  }

  private static String pretty(JsonObject json) {
    StringWriter out = new StringWriter();
    JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
    return out.toString().strip() + "\n";
  }

  private static void replaceAtomically(Path file, String text) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, ".refresh-", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Forces the rename to disk; on file systems that cannot sync a directory this does nothing. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The rename is still atomic; only its durability on power loss depends on this.
    }
  }
}
