package dev.claudenexus.api.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the MCP prompt library, read once per application from MicroProfile Config.
 *
 * @param enabled {@code MCP_ENABLED}: whether {@code /mcp} and {@code /api/mcp/*} are served at all
 * @param promptsDirectory {@code MCP_PROMPTS_DIR}: the folder of {@code *.yaml} prompt files,
 *     {@code ./prompts} by default, resolved against the working directory
 * @param github the GitHub folder to sync from, present when {@code MCP_GITHUB_OWNER},
 *     {@code MCP_GITHUB_REPO} and {@code MCP_GITHUB_TOKEN} are all set
 * @param syncInterval {@code MCP_SYNC_INTERVAL}: seconds between two syncs (default 300)
 */
public record McpSettings(
    boolean enabled, Path promptsDirectory, Optional<GitHubSource> github, Duration syncInterval) {

  static final String DEFAULT_API_URL = "https://api.github.com";
  static final int MIN_SYNC_INTERVAL_SECONDS = 10;
  private static final Pattern OWNER_OR_REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_./-]{1,200}");
  private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_. /-]{0,500}");

  private static volatile McpSettings current;

  /** Returns the settings of this application, read from its configuration on first use. */
  public static McpSettings current() {
    McpSettings settings = current;
    if (settings == null) {
      settings = from(ConfigProvider.getConfig());
      current = settings;
    }
    return settings;
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException when a value is malformed; the message names the setting
   */
  public static McpSettings from(Config config) {
    boolean enabled = config.getOptionalValue("MCP_ENABLED", String.class)
        .map(value -> value.strip().equalsIgnoreCase("true") || value.strip().equals("1"))
        .orElse(false);
    Path directory = Path.of(text(config, "MCP_PROMPTS_DIR").orElse("prompts"))
        .toAbsolutePath().normalize();
    return new McpSettings(enabled, directory, github(config), syncInterval(config));
  }

  /** Returns whether the GitHub sync is configured. */
  public boolean syncConfigured() {
    return github.isPresent();
  }

  private static Optional<GitHubSource> github(Config config) {
    Optional<String> owner = text(config, "MCP_GITHUB_OWNER");
    Optional<String> repository = text(config, "MCP_GITHUB_REPO");
    Optional<String> token = text(config, "MCP_GITHUB_TOKEN");
    if (owner.isEmpty() || repository.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    String branch = text(config, "MCP_GITHUB_BRANCH").orElse("main");
    String folder = text(config, "MCP_GITHUB_PATH").orElse("prompts/");
    require("MCP_GITHUB_OWNER", owner.get(), OWNER_OR_REPOSITORY, "letters, digits, '.', '_' or '-'");
    require("MCP_GITHUB_REPO", repository.get(), OWNER_OR_REPOSITORY, "letters, digits, '.', '_' or '-'");
    require("MCP_GITHUB_BRANCH", branch, BRANCH, "a branch name");
    if (branch.contains("..")) {
      throw invalid("MCP_GITHUB_BRANCH", branch, "a branch name without '..'");
    }
    return Optional.of(new GitHubSource(apiUrl(config), owner.get(), repository.get(), branch,
        folder(folder), token.get()));
  }

  /** Returns the folder without leading or trailing slashes, after checking it stays in the repository. */
  static String folder(String value) {
    require("MCP_GITHUB_PATH", value, FOLDER, "a folder of the repository, such as prompts/");
    String folder = value.replaceAll("^/+|/+$", "");
    for (String segment : folder.split("/", -1)) {
      if (!folder.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
        throw invalid("MCP_GITHUB_PATH", value, "a folder of the repository without '.', '..' or '//'");
      }
    }
    return folder;
  }

  private static URI apiUrl(Config config) {
    String value = text(config, "MCP_GITHUB_API_URL").orElse(DEFAULT_API_URL);
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the setting's name.
    }
    throw invalid("MCP_GITHUB_API_URL", value, "an http or https URL such as " + DEFAULT_API_URL);
  }

  private static Duration syncInterval(Config config) {
    String value = text(config, "MCP_SYNC_INTERVAL").orElse("300");
    long seconds;
    try {
      seconds = Long.parseLong(value);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < MIN_SYNC_INTERVAL_SECONDS || seconds > Duration.ofDays(7).toSeconds()) {
      throw invalid("MCP_SYNC_INTERVAL", value, "a number of seconds from "
          + MIN_SYNC_INTERVAL_SECONDS + " to 604800");
    }
    return Duration.ofSeconds(seconds);
  }

  private static Optional<String> text(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static void require(String name, String value, Pattern pattern, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw invalid(name, value, expected);
    }
  }

  private static IllegalArgumentException invalid(String name, String value, String expected) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return new IllegalArgumentException(name + " must be " + expected + ", not \"" + shown + "\"");
  }
}
