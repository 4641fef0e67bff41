package dev.claudenexus.proxy.credentials;

import dev.claudenexus.credentials.CredentialFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

  private static final Duration ALWAYS = Duration.ZERO;
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path root;

  private Path directory;
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void createDirectory() throws IOException {
    directory = Files.createDirectory(root.resolve("credentials"));
  }

  private static String apiKeyFile(String apiKey) {
    return "{\"type\":\"api_key\",\"api_key\":\"" + apiKey + "\",\"client_api_key\":\"cnp_live_c\"}";
  }

  /** Writes a credential file with a modification time later than the previous write. */
  private Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    clock = clock.plusSeconds(10);
    Files.setLastModifiedTime(file, FileTime.from(clock));
    return file;
  }

  private Path write(String domain, String text) throws IOException {
    return write(directory.resolve(domain + ".credentials.json"), text);
  }

  private static Optional<String> apiKey(CredentialStore store, String domain) {
    return store.forDomain(domain).map(CredentialFile::apiKey);
  }

  @Test
  void validFileIsFound() throws IOException {
    write("example.com", apiKeyFile("sk-one"));

    CredentialFile file = new CredentialStore(directory, ALWAYS).forDomain("example.com").orElseThrow();

    assertEquals("sk-one", file.apiKey());
    assertEquals("example.com", file.domain());
  }

  @Test
  void domainWithPortFindsItsFile() throws IOException {
    write("localhost:3000", apiKeyFile("sk-local"));

    assertEquals(Optional.of("sk-local"), apiKey(new CredentialStore(directory, ALWAYS), "localhost:3000"));
  }

  @Test
  void missingFileMeansNoCredentials() {
    assertEquals(Optional.empty(), new CredentialStore(directory, ALWAYS).forDomain("example.com"));
  }

  @Test
  void unknownDomainsAreNotCached() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    for (int i = 0; i < 1_000; i++) {
      store.forDomain("host" + i + ".example.com");
    }
    write("example.com", apiKeyFile("sk-one"));

    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
    assertEquals(1, store.cachedDomains());
  }

  @Test
  void unreadableDirectoryIsReportedOnce() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("plain-file"), "x");
    CredentialStore store = new CredentialStore(notADirectory, ALWAYS);
    List<LogRecord> records = logsOf(() -> {
      for (int i = 0; i < 5; i++) {
        assertEquals(Optional.empty(), store.forDomain("example.com"));
        assertEquals(Optional.empty(), store.forDomain("host" + i + ".example.com"));
      }
    });
    List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();

    assertEquals(1, warnings.size());
    assertEquals(6, store.cachedDomains());
  }

  @Test
  void unreadableFileCachedWithinInterval() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("plain-file"), "x");
    CredentialStore store = new CredentialStore(notADirectory, HOUR);

    assertEquals(Optional.empty(), store.forDomain("example.com"));
    assertEquals(Optional.empty(), store.forDomain("example.com"));
  }

  @Test
  void watchedChangeIsLoggedAsReload() throws IOException {
    CredentialStore store = new CredentialStore(directory, HOUR);
    write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
    write("example.com", apiKeyFile("sk-two"));

    List<LogRecord> records = logsOf(() -> {
      store.invalidate("example.com");
      assertEquals(Optional.of("sk-two"), apiKey(store, "example.com"));
    });

    assertEquals(List.of("Reloaded the changed credential file example.com.credentials.json"),
        records.stream().map(LogRecord::getMessage).toList());
  }

  /** Runs {@code action} and returns what it logged through the store's logger. */
  private static List<LogRecord> logsOf(Runnable action) {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord logRecord) {
        records.add(logRecord);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(CredentialStore.class.getName());
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }

  @Test
  void unreadableEntriesAreBounded() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("plain-file"), "x");
    CredentialStore store = new CredentialStore(notADirectory, ALWAYS);
    Logger logger = Logger.getLogger(CredentialStore.class.getName());
    Level level = logger.getLevel();
    logger.setLevel(Level.OFF);
    try {
      for (int i = 0; i < CredentialStore.MAX_CACHED_DOMAINS + 100; i++) {
        store.forDomain("host" + i + ".example.com");
      }
    } finally {
      logger.setLevel(level);
    }

    assertEquals(CredentialStore.MAX_CACHED_DOMAINS, store.cachedDomains());
  }

  @Test
  void invalidFileMeansNoCredentials() throws IOException {
    write("example.com", "{\"type\":\"api_key\"}");

    assertEquals(Optional.empty(), new CredentialStore(directory, ALWAYS).forDomain("example.com"));
  }

  @Test
  void changedFileIsReloaded() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));

    write("example.com", apiKeyFile("sk-two"));

    assertEquals(Optional.of("sk-two"), apiKey(store, "example.com"));
  }

  @Test
  void changeWithinIntervalIsNotSeen() throws IOException {
    CredentialStore store = new CredentialStore(directory, HOUR);
    write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));

    write("example.com", apiKeyFile("sk-two-longer"));

    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
  }

  @Test
  void fileAddedWithinIntervalIsSeenAtOnce() throws IOException {
    CredentialStore store = new CredentialStore(directory, HOUR);
    assertEquals(Optional.empty(), apiKey(store, "example.com"));

    write("example.com", apiKeyFile("sk-new"));

    assertEquals(Optional.of("sk-new"), apiKey(store, "example.com"));
  }

  @Test
  void fixedFileSeenAtOnce() throws IOException {
    CredentialStore store = new CredentialStore(directory, HOUR);
    write("example.com", "{\"type\":\"api_key\"");
    assertEquals(Optional.empty(), apiKey(store, "example.com"));

    write("example.com", apiKeyFile("sk-fixed"));

    assertEquals(Optional.of("sk-fixed"), apiKey(store, "example.com"));
  }

  @Test
  void changeAfterIntervalIsSeen() throws IOException, InterruptedException {
    CredentialStore store = new CredentialStore(directory, Duration.ofMillis(50));
    write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
    write("example.com", apiKeyFile("sk-two"));

    Thread.sleep(100);

    assertEquals(Optional.of("sk-two"), apiKey(store, "example.com"));
  }

  @Test
  void defaultIntervalIsOneSecond() {
    assertEquals(Duration.ofSeconds(1).toNanos(), CredentialStore.RECHECK_NANOS);
  }

  @Test
  void invalidChangeKeepsLastValidVersion() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));

    write("example.com", "{\"type\":\"api_key\",\"api_key\":");

    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));
  }

  @Test
  void fixedFileReplacesLastValidVersion() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    write("example.com", apiKeyFile("sk-one"));
    apiKey(store, "example.com");
    write("example.com", "not json");
    apiKey(store, "example.com");

    write("example.com", apiKeyFile("sk-three"));

    assertEquals(Optional.of("sk-three"), apiKey(store, "example.com"));
  }

  @Test
  void deletedFileMeansNoCredentials() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    Path file = write("example.com", apiKeyFile("sk-one"));
    assertEquals(Optional.of("sk-one"), apiKey(store, "example.com"));

    Files.delete(file);

    assertEquals(Optional.empty(), store.forDomain("example.com"));
  }

  @Test
  void recreatedFileIsFoundAgain() throws IOException {
    CredentialStore store = new CredentialStore(directory, ALWAYS);
    Path file = write("example.com", apiKeyFile("sk-one"));
    apiKey(store, "example.com");
    Files.delete(file);
    apiKey(store, "example.com");

    write("example.com", apiKeyFile("sk-new"));

    assertEquals(Optional.of("sk-new"), apiKey(store, "example.com"));
  }

  @Test
  void fileOfMaximumSizeIsRead() throws IOException {
    String text = apiKeyFile("sk-big");
    write("example.com", text + " ".repeat((int) CredentialStore.MAX_FILE_BYTES - text.length()));

    assertEquals(Optional.of("sk-big"), apiKey(new CredentialStore(directory, ALWAYS), "example.com"));
  }

  @Test
  void fileOver256KibIsRejected() throws IOException {
    String text = apiKeyFile("sk-big");
    write("example.com", text + " ".repeat((int) CredentialStore.MAX_FILE_BYTES - text.length() + 1));

    assertEquals(Optional.empty(), new CredentialStore(directory, ALWAYS).forDomain("example.com"));
  }

  @Test
  void traversalNeverReadsOutsideDirectory() throws IOException {
    write(root.resolve("outside.credentials.json"), apiKeyFile("sk-outside"));
    write(root.resolve(".credentials.json"), apiKeyFile("sk-root"));
    Files.createDirectory(directory.resolve("sub"));
    write(directory.resolve("sub").resolve("x.credentials.json"), apiKeyFile("sk-sub"));
    CredentialStore store = new CredentialStore(directory, ALWAYS);

    List<String> domains = List.of(
        "../outside", "..", "./../outside", "sub/x", root.resolve("outside").toString(),
        "..\\outside", "%2e%2e/outside", "sub/../../outside", "", "outside\u0000");

    for (String domain : domains) {
      assertEquals(Optional.empty(), store.forDomain(domain), domain);
    }
  }

  @Test
  void nullDomainHasNoCredentials() {
    assertEquals(Optional.empty(), new CredentialStore(directory, ALWAYS).forDomain(null));
  }

  @Test
  void relativeDirectoryIsNormalised() throws IOException {
    write("example.com", apiKeyFile("sk-one"));
    Path unnormalised = directory.resolve("..").resolve(directory.getFileName());

    assertEquals(Optional.of("sk-one"), apiKey(new CredentialStore(unnormalised, ALWAYS), "example.com"));
  }

  @Test
  void directoryAsFileMeansNoCredentials() throws IOException {
    Files.createDirectory(directory.resolve("example.com.credentials.json"));

    assertTrue(new CredentialStore(directory, ALWAYS).forDomain("example.com").isEmpty());
  }
}
