package dev.claudenexus.testsupport.github;

import dev.claudenexus.testsupport.http.LoopbackServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A loopback fake of the GitHub REST API (version 2022-11-28) for one repository and branch: the head
 * commit ({@code GET /repos/{owner}/{repo}/commits/{branch}}), the folder listing and single files
 * ({@code GET /repos/{owner}/{repo}/contents/{path}?ref=}), with base64 content wrapped at 60
 * characters as GitHub sends it. Requests without the token get 401 with GitHub's error body.
 */
public final class FakeGitHubApi implements AutoCloseable {

  private final String owner;
  private final String repository;
  private final String branch;
  private final String folder;
  private final String token;
  private final LoopbackServer server;
  private volatile String commit = newSha();
  private volatile Map<String, String> files = Map.of();
  private volatile List<String[]> extraEntries = List.of();
  private volatile int failStatus;
  private volatile CountDownLatch gate;

  private FakeGitHubApi(String owner, String repository, String branch, String folder, String token) {
    this.owner = owner;
    this.repository = repository;
    this.branch = branch;
    this.folder = folder;
    this.token = token;
    this.server = LoopbackServer.start("fake-github", this::handle);
  }

  /** Starts the fake of {@code owner/repository}, whose branch contains the folder (given without slashes around it). */
  public static FakeGitHubApi start(String owner, String repository, String branch, String folder,
      String token) {
    return new FakeGitHubApi(owner, repository, branch, folder, token);
  }

  /** Replaces the folder's files (name to text) with a new commit. */
  public void commitFiles(Map<String, String> newFiles) {
    files = Map.copyOf(new LinkedHashMap<>(newFiles));
    extraEntries = List.of();
    failStatus = 0;
    commit = newSha();
  }

  /**
   * Adds an entry to the listing of the next commit without content, such as a name with a path
   * ({@code ../escape.yaml}) or a sub-folder ({@code type} {@code dir}).
   */
  public void addListingEntry(String name, String type) {
    List<String[]> entries = new ArrayList<>(extraEntries);
    entries.add(new String[] {name, type});
    extraEntries = List.copyOf(entries);
    commit = newSha();
  }

  /** Makes every request fail with the status (and GitHub's error body) until the next commit; 0 ends it. */
  public void failWith(int status) {
    failStatus = status;
  }

  /**
   * Holds every request until the returned latch is counted down (at most 30 s), so a test can
   * keep a sync running.
   */
  public CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  /** Ends {@link #hold}: requests are answered at once again. */
  public void release() {
    CountDownLatch latch = gate;
    gate = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  public String commit() {
    return commit;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** Returns every request received, oldest first. */
  public List<LoopbackServer.Request> received() {
    return server.received();
  }

  private LoopbackServer.Reply handle(LoopbackServer.Request request) {
    CountDownLatch latch = gate;
    if (latch != null) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!("Bearer " + token).equals(request.authorization())) {
      return error(401, "Bad credentials");
    }
    if (failStatus != 0) {
      return error(failStatus, failStatus == 403 ? "API rate limit exceeded" : "Server Error");
    }
    String repositoryPath = "/repos/" + owner + "/" + repository;
    String path = request.rawPath();
    if (path.equals(repositoryPath + "/commits/" + encode(branch))) {
      return new LoopbackServer.Reply(200, Json.createObjectBuilder().add("sha", commit)
          .add("commit", Json.createObjectBuilder().add("message", "Update prompts")).build().toString());
    }
    String contents = repositoryPath + "/contents" + (folder.isEmpty() ? "" : "/" + folder);
    if (!("ref=" + commit).equals(request.query())) {
      return error(404, "No commit found for the ref " + request.query());
    }
    if (path.equals(contents)) {
      return new LoopbackServer.Reply(200, listing());
    }
    if (path.startsWith(contents + "/")) {
      String name = URLDecoder.decode(path.substring(contents.length() + 1), StandardCharsets.UTF_8);
      String text = files.get(name);
      return text == null ? error(404, "Not Found") : new LoopbackServer.Reply(200, file(name, text));
    }
    return error(404, "Not Found");
  }

  private String listing() {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    files.forEach((name, text) -> entries.add(Json.createObjectBuilder()
        .add("name", name).add("path", folder + "/" + name).add("sha", newSha())
        .add("size", text.getBytes(StandardCharsets.UTF_8).length).add("type", "file")));
    for (String[] entry : extraEntries) {
      entries.add(Json.createObjectBuilder().add("name", entry[0]).add("path", folder + "/" + entry[0])
          .add("sha", newSha()).add("size", 10).add("type", entry[1]));
    }
    return entries.build().toString();
  }

  private String file(String name, String text) {
    String base64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder wrapped = new StringBuilder();
    for (int i = 0; i < base64.length(); i += 60) {
      wrapped.append(base64, i, Math.min(base64.length(), i + 60)).append('\n');
    }
    return Json.createObjectBuilder().add("name", name).add("path", folder + "/" + name)
        .add("type", "file").add("encoding", "base64").add("content", wrapped.toString())
        .build().toString();
  }

  private static LoopbackServer.Reply error(int status, String message) {
    return new LoopbackServer.Reply(status, Json.createObjectBuilder().add("message", message)
        .add("documentation_url", "https://docs.github.com/rest").build().toString());
  }

  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String newSha() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.close();
  }
}
