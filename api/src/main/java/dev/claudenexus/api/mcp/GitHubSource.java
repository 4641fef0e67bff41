package dev.claudenexus.api.mcp;

import java.net.URI;

/**
 * The GitHub folder that prompts are synced from.
 *
 * @param apiUrl base URL of the GitHub REST API, without a trailing slash
 * @param owner the repository's owner
 * @param repository the repository's name
 * @param branch the branch whose head commit is synced
 * @param path the folder inside the repository, without leading or trailing slashes; empty for the
 *     repository's root
 * @param token the access token, sent as {@code Authorization: Bearer}; never logged
 */
public record GitHubSource(
    URI apiUrl, String owner, String repository, String branch, String path, String token) {

  /** Returns {@code owner/repository}, as the sync status shows it. */
  public String repositoryName() {
    return owner + "/" + repository;
  }

  /** Returns the key of this folder's sync state: {@code owner/repository@branch:path}. */
  public String syncKey() {
    return repositoryName() + "@" + branch + ":" + path;
  }

  @Override
  public String toString() {
    return "GitHubSource[" + syncKey() + " via " + apiUrl + "]";
  }
}
