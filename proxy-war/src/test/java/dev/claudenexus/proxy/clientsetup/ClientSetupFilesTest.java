package dev.claudenexus.proxy.clientsetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSetupFilesTest {

  @TempDir Path root;
  private Path directory;
  private ClientSetupFiles files;

  @BeforeEach
  void createFiles() throws IOException {
    directory = Files.createDirectories(root.resolve("client-setup"));
    Files.writeString(directory.resolve("setup.sh"), "#!/bin/sh\n");
    Files.writeString(root.resolve("secret.txt"), "outside");
    files = new ClientSetupFiles(directory);
  }

  @Test
  void existingFileFound() throws IOException {
    Optional<Path> file = files.find("setup.sh");

    assertTrue(file.isPresent());
    assertEquals("#!/bin/sh\n", Files.readString(file.get()));
  }

  @Test
  void missingFileEmpty() throws IOException {
    assertEquals(Optional.empty(), files.find("missing.json"));
  }

  @Test
  void directoryIsNoFile() throws IOException {
    Files.createDirectory(directory.resolve("sub"));

    assertEquals(Optional.empty(), files.find("sub"));
  }

  @Test
  void hostileNamesRejected() {
    String[] names = {"..", "../secret.txt", "a/b", "..\\secret.txt", "a\\b", "setup.sh\0.txt", "", "x..y",
        "/etc/passwd"};
    for (String name : names) {
      assertFalse(ClientSetupFiles.isValidName(name), name);
      assertThrows(IllegalArgumentException.class, () -> files.find(name), name);
    }
  }

  @Test
  void urlEncodedTraversalRejectedAfterDecoding() {
    for (String encoded : new String[] {"%2e%2e", "%2E%2E%2Fsecret.txt", "..%2fsecret.txt", "%2e%2e%5csecret.txt", "a%00b"}) {
      String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);

      assertThrows(IllegalArgumentException.class, () -> files.find(decoded), encoded);
    }
  }

  @Test
  void nullNameRejected() {
    assertFalse(ClientSetupFiles.isValidName(null));
  }

  @Test
  void symbolicLinkOutsideRejected() throws IOException {
    Files.createSymbolicLink(directory.resolve("link.txt"), root.resolve("secret.txt"));

    assertThrows(IllegalArgumentException.class, () -> files.find("link.txt"));
  }

  @Test
  void missingDirectoryFindsNothing() throws IOException {
    ClientSetupFiles none = new ClientSetupFiles(root.resolve("absent"));

    assertEquals(Optional.empty(), none.find("setup.sh"));
  }

  @Test
  void contentTypeByExtension() {
    assertEquals("application/json", ClientSetupFiles.contentType("settings.JSON"));
    assertEquals("application/javascript", ClientSetupFiles.contentType("hook.js"));
    assertEquals("text/x-shellscript", ClientSetupFiles.contentType("install.sh"));
    assertEquals("text/plain", ClientSetupFiles.contentType("README"));
    assertEquals("text/plain", ClientSetupFiles.contentType("notes.md"));
  }
}
