package dev.claudenexus.api.mcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

  /** Changes must show within a second; the check allows for a loaded machine up to twice that. */
  private static final Duration RELOAD_LIMIT = Duration.ofSeconds(1);

  @TempDir Path root;
  private Path folder;
  private PromptLibrary library;

  @BeforeEach
  void startLibrary() throws IOException {
    folder = root.resolve("prompts");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("first.yaml"), "template: one {{x}}");
    library = new PromptLibrary(new PromptFolder(folder, new PromptFileReader(new PromptTemplates())));
    library.start(Thread::new);
  }

  @AfterEach
  void stopLibrary() {
    library.close();
  }

  @Test
  void startReadsExistingFiles() {
    assertThat(library.prompts().prompts()).containsOnlyKeys("first");
  }

  @Test
  void startCreatesMissingFolder() {
    Path missing = root.resolve("new/prompts");
    try (PromptLibrary other = new PromptLibrary(
        new PromptFolder(missing, new PromptFileReader(new PromptTemplates())))) {
      other.start(Thread::new);

      assertThat(missing).isDirectory();
      assertThat(other.prompts().prompts()).isEmpty();
    }
  }

  @Test
  void newFileAppearsWithinASecond() throws Exception {
    Files.writeString(folder.resolve("second.yml"), "template: two");

    assertThat(awaitWithin(() -> library.prompts().find("second").isPresent()))
        .as("second.yml loaded within %s", RELOAD_LIMIT).isLessThan(RELOAD_LIMIT.multipliedBy(2));
  }

  @Test
  void changedFileReloadsWithinASecond() throws Exception {
    Path temporary = folder.resolve(".first.yaml.tmp");
    Files.writeString(temporary, "template: changed");
    Files.move(temporary, folder.resolve("first.yaml"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);

    assertThat(awaitWithin(() -> library.prompts().find("first")
        .map(p -> p.template().equals("changed")).orElse(false)))
        .isLessThan(RELOAD_LIMIT.multipliedBy(2));
  }

  @Test
  void deletedFileDisappearsWithinASecond() throws Exception {
    Files.delete(folder.resolve("first.yaml"));

    assertThat(awaitWithin(() -> library.prompts().prompts().isEmpty()))
        .isLessThan(RELOAD_LIMIT.multipliedBy(2));
  }

  @Test
  void invalidFileIsSkippedWithReason() throws Exception {
    Files.writeString(folder.resolve("broken.yaml"), "description: no template");

    // A reload can read the file half written, so the reason of the complete file is awaited.
    awaitWithin(() -> library.prompts().skipped().getOrDefault("broken.yaml", "")
        .contains("template key is missing"));

    assertThat(library.prompts().skipped().get("broken.yaml")).contains("template key is missing");
    assertThat(library.prompts().prompts()).containsOnlyKeys("first");
  }

  @Test
  void symbolicLinkIsSkipped() throws Exception {
    Path outside = Files.writeString(root.resolve("secret.yaml"), "template: secret");
    Files.createSymbolicLink(folder.resolve("link.yaml"), outside);

    awaitWithin(() -> library.prompts().skipped().containsKey("link.yaml"));

    assertThat(library.prompts().skipped().get("link.yaml")).contains("symbolic link");
    assertThat(library.prompts().find("link")).isEmpty();
  }

  @Test
  void oversizedFileIsSkipped() throws Exception {
    Files.writeString(folder.resolve("huge.yaml"),
        "template: " + "x".repeat(PromptFileReader.MAX_FILE_BYTES));

    awaitWithin(() -> library.prompts().skipped().getOrDefault("huge.yaml", "")
        .contains("larger than"));

    assertThat(library.prompts().skipped().get("huge.yaml")).contains("larger than");
  }

  @Test
  void readersKeepTheirSetDuringReload() throws Exception {
    PromptSet before = library.prompts();
    Files.writeString(folder.resolve("second.yaml"), "template: two");

    awaitWithin(() -> library.prompts().find("second").isPresent());

    assertThat(before.prompts()).containsOnlyKeys("first");
    assertThat(library.prompts().prompts()).containsOnlyKeys("first", "second");
  }

  private static Duration awaitWithin(BooleanSupplier condition) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The library did not reload within 10 s");
      }
      Thread.sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
