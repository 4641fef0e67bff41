package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The {@code system} array of a Claude Code 2.1 request: a billing header block, then the prompt blocks.
 *
 * <p>The billing header is {@code x-anthropic-billing-header: cc_version=<version>; cc_entrypoint=cli;}.
 * Its version part changes with every client release and between requests of one session. The prompt
 * blocks carry {@code cache_control}, and the main prompt ends in a {@code gitStatus:} section that runs to
 * the end of the text.
 *
 * @param billingVersion the {@code cc_version} value, for example {@code 2.1.332.461}
 * @param blocks the texts after the billing header, in order
 */
public record SystemPrompt(String billingVersion, List<String> blocks) {

  public SystemPrompt {
    Objects.requireNonNull(billingVersion, "billingVersion");
    blocks = List.copyOf(blocks);
  }

  /** Returns the main agent's prompt: the Claude Code opening, then the long prompt with the project's git status. */
  public static SystemPrompt main(String billingVersion, String project) {
    String body = ClaudeCodeTexts.systemPrompt() + "\n\n" + gitStatus(project);
    return new SystemPrompt(billingVersion, List.of(ClaudeCodeTexts.MAIN_OPENING, body));
  }

  /** Returns a sub-agent's prompt: the Claude Code opening, then the sub-agent instructions and git status. */
  public static SystemPrompt subAgent(String billingVersion, String project) {
    String body = "You run as a sub-agent of Claude Code. The user message holds one task from the main"
        + " agent; complete it with the tools available and end with a concise report of what you"
        + " found or changed, because the main agent sees only that report.\n\n"
        + "Notes:\n"
        + " - Give absolute file paths in the report; the working directory is /home/dev/" + project + ".\n"
        + " - Do not create documentation files unless the task asks for them.\n"
        + " - Quote the exact lines that matter instead of paraphrasing them.\n\n"
        + gitStatus(project);
    return new SystemPrompt(billingVersion, List.of(ClaudeCodeTexts.MAIN_OPENING, body));
  }

  /** Returns the prompt of the auto-compaction request, which requests a summary of the transcript. */
  public static SystemPrompt summariser(String billingVersion) {
    return new SystemPrompt(billingVersion, List.of(ClaudeCodeTexts.SUMMARISER_OPENING));
  }

  /** Returns this prompt with another billing version, as after a client update. */
  public SystemPrompt withBillingVersion(String version) {
    return new SystemPrompt(version, blocks);
  }

  /** Returns the billing header line of the first block. */
  public String billingHeader() {
    return "x-anthropic-billing-header: cc_version=" + billingVersion + "; cc_entrypoint=cli;";
  }

  /** Returns the {@code system} array: the billing header block without cache control, then the others with it. */
  public JsonArray toJson() {
    JsonArrayBuilder array = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("type", "text").add("text", billingHeader()));
    for (String text : blocks) {
      array.add(Json.createObjectBuilder()
          .add("type", "text")
          .add("text", text)
          .add("cache_control", ephemeral()));
    }
    return array.build();
  }

  static JsonObject ephemeral() {
    return Json.createObjectBuilder().add("type", "ephemeral").build();
  }

  /** Returns a git status section like the one Claude Code appends, with commits that differ per project. */
  static String gitStatus(String project) {
    int seed = Math.abs(project.hashCode());
    return "gitStatus: Snapshot of the repository taken when the session started; it is not refreshed"
        + " while the conversation runs.\n"
        + "Current branch: work/" + project + "\n\n"
        + "Main branch (you will usually use this for PRs): main\n\n"
        + "Status:\n"
        + " M src/main/java/dev/example/" + project.replace('-', '_') + "/Service.java\n"
        + "?? notes/" + project + "-todo.md\n\n"
        + "Recent commits:\n"
        + String.format("%07x", seed % 0xfffffff) + " Handle empty input in the " + project + " importer\n"
        + String.format("%07x", (seed / 7) % 0xfffffff) + " Log the retry count of failed uploads\n"
        + String.format("%07x", (seed / 13) % 0xfffffff) + " Pin the PostgreSQL driver to 42.7";
  }
}
