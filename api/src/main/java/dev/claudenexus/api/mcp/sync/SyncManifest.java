package dev.claudenexus.api.mcp.sync;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * What the last sync wrote into this prompts folder: the commit and the SHA-256 of each file. It is
 * kept in the folder itself ({@value #FILE_NAME}), so every instance compares the repository with
 * its own files, and a file is recognised as changed locally when its hash differs.
 *
 * @param commit the synced commit, or an empty string
 * @param files the SHA-256 (hex) of each written file, by file name
 */
public record SyncManifest(String commit, Map<String, String> files) {

  /** The manifest's file name; it does not end in {@code .yaml}, so it is never read as a prompt. */
  public static final String FILE_NAME = ".nexus-sync.json";

  static final SyncManifest NONE = new SyncManifest("", Map.of());
  private static final Logger LOG = Logger.getLogger(SyncManifest.class.getName());

  public SyncManifest {
    files = Map.copyOf(files);
  }

  /** Reads the folder's manifest; a missing or unreadable one reads as {@link #NONE}. */
  static SyncManifest read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(file)))) {
      JsonObject json = reader.readObject();
      Map<String, String> files = new TreeMap<>();
      JsonObject listed = json.getJsonObject("files");
      if (listed != null) {
        listed.forEach((name, hash) -> {
          if (hash instanceof JsonString text) {
            files.put(name, text.getString());
          }
        });
      }
      return new SyncManifest(json.getString("commit", ""), files);
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "Ignoring the unreadable sync manifest " + file + ": " + e.getMessage());
      return NONE;
    }
  }

  /** Writes the manifest into the folder, replacing the old one in one step. */
  void write(Path directory) throws IOException {
    JsonObjectBuilder listed = JSON.createObjectBuilder();
    new TreeMap<>(files).forEach(listed::add);
    JsonValue json = JSON.createObjectBuilder().add("commit", commit).add("files", listed).build();
    PromptFiles.writeAtomically(directory, FILE_NAME, json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
