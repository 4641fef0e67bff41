package dev.claudenexus.api.mcp.sync;

import dev.claudenexus.api.mcp.prompts.PromptFileNames;
import dev.claudenexus.api.mcp.prompts.PromptFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * One sync of the prompts folder with the GitHub folder. Every file is downloaded before the first
 * one is written, so a failed call leaves the folder as it was.
 *
 * <ul>
 *   <li>When the folder's manifest already names the head commit, nothing is read.
 *   <li>Entries that are not files, whose name fails {@link PromptFileNames} (such as
 *       {@code ../x.yaml}), or that exceed {@link PromptFileReader#MAX_FILE_BYTES} are skipped.
 *   <li>When no prompt file is left, the local folder is kept as it is, since an empty listing is
 *       more likely a wrong path than the end of every prompt.
 *   <li>A local file of the same name is replaced. A file that an earlier sync wrote and the
 *       repository no longer has is deleted, unless it was changed locally since. A local-only file
 *       is never touched.
 * </ul>
 */
public final class PromptSync {

  /** The maximum number of bytes one sync downloads. */
  static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(PromptSync.class.getName());

  private final GitHubClient github;
  private final Path directory;

  public PromptSync(GitHubClient github, Path directory) {
    this.github = github;
    this.directory = directory;
  }

  /** Runs the sync. */
  public SyncOutcome run() throws GitHubException, IOException {
    String commit = github.headCommit();
    SyncManifest manifest = SyncManifest.read(directory);
    if (commit.equals(manifest.commit())) {
      return new SyncOutcome(commit, List.of(), List.of(), List.of(), true);
    }
    List<String> skipped = new ArrayList<>();
    List<GitHubEntry> accepted = accept(github.listFolder(commit), skipped);
    if (accepted.isEmpty()) {
      LOG.warning(() -> "The GitHub folder has no prompt files at " + commit
          + "; the local prompts are kept as they are");
      return new SyncOutcome(commit, List.of(), List.of(), skipped, false);
    }
    Map<String, byte[]> downloaded = new LinkedHashMap<>();
    for (GitHubEntry entry : accepted) {
      downloaded.put(entry.name(), github.download(entry.name(), commit));
    }
    Files.createDirectories(directory);
    Map<String, String> hashes = new TreeMap<>();
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : downloaded.entrySet()) {
      if (file.getValue().length > PromptFileReader.MAX_FILE_BYTES) {
        skipped.add(file.getKey() + ": larger than " + PromptFileReader.MAX_FILE_BYTES + " bytes");
        continue;
      }
      String hash = PromptFiles.sha256(file.getValue());
      hashes.put(file.getKey(), hash);
      if (!hash.equals(localHash(file.getKey()))) {
        PromptFiles.writeAtomically(directory, file.getKey(), file.getValue());
        written.add(file.getKey());
      }
    }
    List<String> removed = removeDropped(manifest, hashes);
    new SyncManifest(commit, hashes).write(directory);
    return new SyncOutcome(commit, written, removed, skipped, false);
  }

  private static List<GitHubEntry> accept(List<GitHubEntry> entries, List<String> skipped) {
    List<GitHubEntry> accepted = new ArrayList<>();
    long total = 0;
    for (GitHubEntry entry : entries) {
      String lower = entry.name().toLowerCase(java.util.Locale.ROOT);
      if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
        continue;
      }
      String problem = problem(entry, total);
      if (problem != null) {
        String shown = entry.name().length() > 80 ? entry.name().substring(0, 80) + "..." : entry.name();
        skipped.add(shown + ": " + problem);
        LOG.warning(() -> "Skipped the GitHub entry \"" + shown + "\": " + problem);
        continue;
      }
      total += entry.size();
      accepted.add(entry);
    }
    return accepted;
  }

  private static String problem(GitHubEntry entry, long total) {
    if (!"file".equals(entry.type())) {
      return "a " + entry.type() + ", not a file";
    }
    String nameProblem = PromptFileNames.problem(entry.name()).orElse(null);
    if (nameProblem != null) {
      return nameProblem;
    }
    if (entry.size() > PromptFileReader.MAX_FILE_BYTES) {
      return "larger than " + PromptFileReader.MAX_FILE_BYTES + " bytes";
    }
    if (total + entry.size() > MAX_TOTAL_BYTES) {
      return "the folder's prompt files exceed " + MAX_TOTAL_BYTES + " bytes in total";
    }
    return null;
  }

  private List<String> removeDropped(SyncManifest manifest, Map<String, String> kept) throws IOException {
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, String> synced : manifest.files().entrySet()) {
      String fileName = synced.getKey();
      if (kept.containsKey(fileName) || !PromptFileNames.isValid(fileName)) {
        continue;
      }
      String local = localHash(fileName);
      if (local == null) {
        continue;
      }
      if (local.equals(synced.getValue())) {
        Files.delete(directory.resolve(fileName));
        removed.add(fileName);
      } else {
        LOG.info(() -> "Kept the prompt file " + fileName + ": it left the repository but was changed"
            + " locally after the last sync");
      }
    }
    return removed;
  }

  private String localHash(String fileName) throws IOException {
    Path file = directory.resolve(fileName);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return PromptFiles.sha256(Files.readAllBytes(file));
  }
}
