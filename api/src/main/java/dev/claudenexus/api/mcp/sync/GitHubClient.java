package dev.claudenexus.api.mcp.sync;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.mcp.GitHubSource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Calls the GitHub REST API (version 2022-11-28) for the sync: the head commit of a branch, the
 * listing of a folder at a commit, and one file's content. Every response body is read up to a limit,
 * so a wrong or hostile server cannot exhaust memory. The token goes only into the
 * {@code Authorization} header, never into a message.
 */
public class GitHubClient {

  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final GitHubSource source;
  private final HttpClient http;

  public GitHubClient(GitHubSource source) {
    this.source = source;
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Returns the SHA of the head commit of the configured branch. */
  public String headCommit() throws GitHubException {
    JsonStructure body = get(repositoryPath() + "/commits/" + encode(source.branch()),
        "the head commit of branch " + source.branch());
    String sha = body instanceof JsonObject commit ? commit.getString("sha", "") : "";
    if (!sha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
      throw new GitHubException("GitHub sent no valid commit SHA for branch " + source.branch());
    }
    return sha;
  }

  /** Lists the configured folder at the commit. */
  public List<GitHubEntry> listFolder(String commit) throws GitHubException {
    JsonStructure body = get(contentsPath("") + "?ref=" + commit, "the folder " + shownPath());
    if (!(body instanceof JsonArray entries)) {
      throw new GitHubException("MCP_GITHUB_PATH " + shownPath() + " names a file, not a folder");
    }
    List<GitHubEntry> listed = new ArrayList<>();
    for (JsonValue value : entries) {
      if (value instanceof JsonObject entry) {
        listed.add(new GitHubEntry(entry.getString("name", ""), entry.getString("type", ""),
            entry.getJsonNumber("size") == null ? -1 : entry.getJsonNumber("size").longValue()));
      }
    }
    return listed;
  }

  /** Returns the content of one file of the folder at the commit. */
  public byte[] download(String fileName, String commit) throws GitHubException {
    JsonStructure body = get(contentsPath(fileName) + "?ref=" + commit, "the file " + fileName);
    if (!(body instanceof JsonObject file) || !(file.get("content") instanceof JsonString content)
        || !"base64".equals(file.getString("encoding", ""))) {
      throw new GitHubException("GitHub sent no base64 content for the file " + fileName);
    }
    try {
      return Base64.getMimeDecoder().decode(content.getString());
    } catch (IllegalArgumentException e) {
      throw new GitHubException("GitHub sent invalid base64 content for the file " + fileName, e);
    }
  }

  private String repositoryPath() {
    return "/repos/" + encode(source.owner()) + "/" + encode(source.repository());
  }

  private String contentsPath(String fileName) {
    StringBuilder path = new StringBuilder(repositoryPath()).append("/contents");
    String folder = source.path();
    if (!folder.isEmpty()) {
      for (String segment : folder.split("/")) {
        path.append('/').append(encode(segment));
      }
    }
    if (!fileName.isEmpty()) {
      path.append('/').append(encode(fileName));
    }
    return path.toString();
  }

  private String shownPath() {
    return source.path().isEmpty() ? "(the repository's root)" : source.path();
  }

  private JsonStructure get(String pathAndQuery, String what) throws GitHubException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(source.apiUrl() + pathAndQuery))
        .timeout(TIMEOUT)
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "claude-nexus-proxy")
        .header("Authorization", "Bearer " + source.token())
        .GET()
        .build();
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      body = readLimited(response.body(), what);
    } catch (IOException e) {
      throw new GitHubException("Reading " + what + " from GitHub at " + source.apiUrl() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException("Reading " + what + " from GitHub was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new GitHubException("GitHub returned HTTP " + response.statusCode() + " for " + what + " of "
          + source.repositoryName() + errorMessage(body) + advice(response.statusCode()));
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.read();
    } catch (JsonParsingException e) {
      throw new GitHubException("GitHub sent a body that is not JSON for " + what, e);
    }
  }

  private static byte[] readLimited(InputStream stream, String what) throws IOException {
    try (InputStream in = stream) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new IOException("the response for " + what + " is larger than " + MAX_RESPONSE_BYTES + " bytes");
      }
      return bytes;
    }
  }

  private static String errorMessage(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      JsonStructure json = reader.read();
      if (json instanceof JsonObject object && object.get("message") instanceof JsonString message) {
        String text = message.getString();
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
      }
    } catch (RuntimeException e) {
      // Not JSON: the status alone must do.
    }
    return "";
  }

  private static String advice(int status) {
    return switch (status) {
      case 401 -> " (check MCP_GITHUB_TOKEN)";
      case 403, 429 -> " (the token lacks access, or the rate limit is reached)";
      case 404 -> " (check MCP_GITHUB_OWNER, MCP_GITHUB_REPO, MCP_GITHUB_BRANCH and MCP_GITHUB_PATH)";
      default -> "";
    };
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
