package dev.claudenexus.api.mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.mcp.GitHubSource;
import dev.claudenexus.testsupport.github.FakeGitHubApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSyncTest {

  private static final String TOKEN = "ghp_test_token_value";

  @TempDir Path folder;
  private FakeGitHubApi github;
  private PromptSync sync;

  @BeforeEach
  void startFake() {
    github = FakeGitHubApi.start("team", "prompts-repo", "main", "library/prompts", TOKEN);
    sync = syncWith(TOKEN);
  }

  @AfterEach
  void stopFake() {
    github.close();
  }

  private PromptSync syncWith(String token) {
    GitHubSource source = new GitHubSource(URI.create(github.baseUrl()), "team", "prompts-repo", "main",
        "library/prompts", token);
    return new PromptSync(new GitHubClient(source), folder);
  }

  @Test
  void newFilesAreWritten() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: review", "notes.txt", "not a prompt"));

    SyncOutcome outcome = sync.run();

    assertThat(outcome.written()).containsExactly("review.yaml");
    assertThat(folder.resolve("review.yaml")).hasContent("template: review");
    assertThat(folder.resolve("notes.txt")).doesNotExist();
    assertThat(outcome.commit()).isEqualTo(github.commit());
  }

  @Test
  void changedFilesAreReplaced() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1", "same.yaml", "template: same"));
    sync.run();
    github.commitFiles(Map.of("review.yaml", "template: v2", "same.yaml", "template: same"));

    SyncOutcome outcome = sync.run();

    assertThat(outcome.written()).containsExactly("review.yaml");
    assertThat(folder.resolve("review.yaml")).hasContent("template: v2");
  }

  @Test
  void removedFilesAreDeleted() throws Exception {
    github.commitFiles(Map.of("keep.yaml", "template: keep", "gone.yaml", "template: gone"));
    sync.run();
    github.commitFiles(Map.of("keep.yaml", "template: keep"));

    SyncOutcome outcome = sync.run();

    assertThat(outcome.removed()).containsExactly("gone.yaml");
    assertThat(folder.resolve("gone.yaml")).doesNotExist();
    assertThat(folder.resolve("keep.yaml")).exists();
  }

  @Test
  void localOnlyFilesAreKept() throws Exception {
    Files.writeString(folder.resolve("mine.yaml"), "template: local");
    github.commitFiles(Map.of("review.yaml", "template: review"));
    sync.run();
    github.commitFiles(Map.of("other.yaml", "template: other"));

    sync.run();

    assertThat(folder.resolve("mine.yaml")).hasContent("template: local");
  }

  @Test
  void locallyChangedFilesAreKept() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1", "keep.yaml", "template: k"));
    sync.run();
    Files.writeString(folder.resolve("review.yaml"), "template: edited here");
    github.commitFiles(Map.of("keep.yaml", "template: k"));

    SyncOutcome outcome = sync.run();

    assertThat(outcome.removed()).isEmpty();
    assertThat(folder.resolve("review.yaml")).hasContent("template: edited here");
  }

  @Test
  void unchangedCommitReadsNothing() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1"));
    sync.run();
    int before = github.received().size();

    SyncOutcome outcome = sync.run();

    assertThat(outcome.upToDate()).isTrue();
    assertThat(github.received()).hasSize(before + 1);
  }

  @Test
  void apiErrorLeavesFolderUnchanged() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1"));
    sync.run();
    github.commitFiles(Map.of("review.yaml", "template: v2"));
    github.failWith(500);

    assertThatThrownBy(sync::run).isInstanceOf(GitHubException.class).hasMessageContaining("500");

    assertThat(folder.resolve("review.yaml")).hasContent("template: v1");
  }

  @Test
  void wrongTokenNamesTheSetting() {
    github.commitFiles(Map.of("review.yaml", "template: v1"));

    assertThatThrownBy(() -> syncWith("wrong").run())
        .hasMessageContaining("401").hasMessageContaining("MCP_GITHUB_TOKEN")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void traversalNamesAreSkippedUnread() throws Exception {
    github.commitFiles(Map.of("good.yaml", "template: good"));
    github.addListingEntry("../escape.yaml", "file");
    github.addListingEntry("..%2Fescape.yaml", "file");
    github.addListingEntry("sub.yaml", "dir");

    SyncOutcome outcome = sync.run();

    assertThat(outcome.written()).containsExactly("good.yaml");
    assertThat(outcome.skipped()).hasSize(3);
    assertThat(folder.getParent().resolve("escape.yaml")).doesNotExist();
    assertThat(github.received()).noneMatch(request -> request.rawPath().contains("escape"));
  }

  @Test
  void emptyListingKeepsLocalFiles() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1"));
    sync.run();
    github.commitFiles(Map.of());

    SyncOutcome outcome = sync.run();

    assertThat(outcome.removed()).isEmpty();
    assertThat(folder.resolve("review.yaml")).exists();
  }

  @Test
  void manifestIsNotAPrompt() throws Exception {
    github.commitFiles(Map.of("review.yaml", "template: v1"));

    sync.run();

    assertThat(folder.resolve(SyncManifest.FILE_NAME)).exists();
    assertThat(SyncManifest.read(folder).commit()).isEqualTo(github.commit());
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "review.yaml", SyncManifest.FILE_NAME);
    }
  }
}
