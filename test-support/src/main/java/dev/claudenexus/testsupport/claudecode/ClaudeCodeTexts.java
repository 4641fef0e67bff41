package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Texts that Claude Code 2.1.332 sends, loaded from resources taken from captured requests: the tool
 * definitions, the long system prompt, the environment message and the attribution reminder.
 */
final class ClaudeCodeTexts {

  static final String VERSION = "2.1.332";
  static final String USER_AGENT = "claude-cli/" + VERSION + " (external, cli)";
  static final String MAIN_OPENING = "You are Claude Code, Anthropic's official CLI for Claude.";
  static final String SUMMARISER_OPENING =
      "You are a helpful AI assistant tasked with summarizing conversations.";
  static final String ANTHROPIC_BETA = "claude-code-20250219,interleaved-thinking-2025-05-14,"
      + "context-management-2025-06-27,per-turn-control-2026-07-01,"
      + "mid-conversation-tool-changes-2026-07-01,thinking-token-count-2026-05-13,"
      + "advanced-tool-use-2025-11-20,effort-2025-11-24";

  private static final String WORKING_DIRECTORY = "{{workingDirectory}}";

  private ClaudeCodeTexts() {
  }

  /** Returns the tool definitions of the captured request. */
  static JsonArray tools() {
    try (JsonReader reader = Json.createReader(new StringReader(resource("tools.json")))) {
      return reader.readArray();
    }
  }

  /** Returns the main system prompt text that follows the opening block, without a git status. */
  static String systemPrompt() {
    return resource("system-prompt.txt");
  }

  /** Returns the environment message that Claude Code injects after the first prompt. */
  static String environment(String workingDirectory) {
    return resource("environment.txt").replace(WORKING_DIRECTORY, workingDirectory);
  }

  /** Returns the attribution reminder that precedes the first prompt of a session. */
  static String attributionReminder() {
    return resource("attribution-reminder.txt");
  }

  static String resource(String name) {
    try (InputStream in = ClaudeCodeTexts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + name + " is missing from the test-support jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading resource " + name + " failed", e);
    }
  }
}
