package dev.claudenexus.api.mcp.sync;

/** A GitHub API call that failed. The message names the call, the status and GitHub's message. */
public class GitHubException extends Exception {

  private static final long serialVersionUID = 1L;

  public GitHubException(String message) {
    super(message);
  }

  public GitHubException(String message, Throwable cause) {
    super(message, cause);
  }
}
