package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scripted Claude Code 2.1 session: it keeps the transcript and writes each request as the CLI does.
 *
 * <p>A turn is: {@link #request()}, send it, {@link #receive} the reply, then add what the client
 * sends next ({@link #answerTools} for tool results or {@link #prompt} for a user message) and any
 * injected system message. The first prompt carries the attribution reminder and is followed by the
 * environment message, as in the captured requests. Sub-agents share the session id of their parent,
 * as they run inside the same CLI process.
 */
public final class ClaudeCodeSession {

  public static final String MODEL = "claude-opus-5-5";
  public static final String DEFAULT_BILLING_VERSION = ClaudeCodeTexts.VERSION + ".461";

  private static final String TARGET = "/v1/messages?beta=true";
  private static final String DEVICE_ID = "0".repeat(64);

  private final String apiKey;
  private final String sessionId;
  private final String project;
  private final Transcript transcript;
  private SystemPrompt system;
  private JsonArray tools;
  private ReminderStyle reminderStyle = ReminderStyle.BLOCKS;

  private ClaudeCodeSession(String apiKey, String sessionId, String project, SystemPrompt system,
      JsonArray tools, Transcript transcript) {
    this.apiKey = apiKey;
    this.sessionId = sessionId;
    this.project = project;
    this.system = system;
    this.tools = tools;
    this.transcript = transcript;
  }

  /** Starts a main-agent session in {@code /home/dev/<project>} with a new session id. */
  public static ClaudeCodeSession start(String apiKey, String project) {
    return new ClaudeCodeSession(apiKey, UUID.randomUUID().toString(), project,
        SystemPrompt.main(DEFAULT_BILLING_VERSION, project), Tools.claudeCode(), new Transcript());
  }

  /** Returns a session with the same id and transcript, to script an edit that rewinds this one. */
  public ClaudeCodeSession copy() {
    return copyAs(sessionId);
  }

  /** Returns a session with a new id and this transcript, as {@code claude --resume --fork-session} starts. */
  public ClaudeCodeSession fork() {
    return copyAs(UUID.randomUUID().toString());
  }

  /** Starts an {@code Agent} sub-agent: its first request is {@code [user(prompt), system(environment)]}. */
  public ClaudeCodeSession startAgent(String prompt) {
    ClaudeCodeSession agent = subAgent();
    agent.transcript.add(new Transcript.Message("user", List.of(Transcript.textBlock(prompt)), false));
    agent.injectSystem(ClaudeCodeTexts.environment(workingDirectory()));
    return agent;
  }

  /** Starts a sub-agent of the Claude Code 1.x {@code Task} tool: its first request is {@code [user(prompt)]}. */
  public ClaudeCodeSession startTask(String prompt) {
    ClaudeCodeSession task = subAgent();
    task.transcript.add(new Transcript.Message("user", List.of(Transcript.textBlock(prompt)), true));
    return task;
  }

  /** Offers the Claude Code 1.x {@code Task} tool in place of {@code Agent}. */
  public ClaudeCodeSession useTaskTool() {
    tools = Tools.withTaskInPlaceOfAgent(tools);
    return this;
  }

  /** Adds a user prompt. The first one of a session also gets the attribution reminder and the environment message. */
  public void prompt(String text) {
    if (transcript.isEmpty()) {
      transcript.add(new Transcript.Message("user",
          List.of(Transcript.textBlock(ClaudeCodeTexts.attributionReminder()), Transcript.textBlock(text)), false));
      injectSystem(ClaudeCodeTexts.environment(workingDirectory()));
    } else {
      transcript.add(new Transcript.Message("user", List.of(Transcript.textBlock(text)), false));
    }
  }

  /** Adds a user prompt preceded by a {@code <system-reminder>} with this text. */
  public void prompt(String text, String reminder) {
    transcript.add(new Transcript.Message("user",
        List.of(Transcript.textBlock(Transcript.reminder(reminder)), Transcript.textBlock(text)), false));
  }

  /** Adds the results of the last reply's tool calls, one output per call in order. */
  public void answerTools(String... outputs) {
    transcript.add(new Transcript.Message("user", toolResults(outputs), false));
  }

  /** Adds the results of the last reply's tool calls followed by a {@code <system-reminder>} text block. */
  public void answerToolsWithReminder(String reminder, String... outputs) {
    List<JsonObject> blocks = toolResults(outputs);
    blocks.add(Transcript.textBlock(Transcript.reminder(reminder)));
    transcript.add(new Transcript.Message("user", blocks, false));
  }

  /** Adds an injected {@code role: "system"} message that stays in the transcript. */
  public void injectSystem(String text) {
    transcript.add(new Transcript.Message("system", List.of(Transcript.textBlock(text)), true));
  }

  /** Adds an injected {@code role: "system"} message at the end and drops the one this method added before. */
  public void replaceVolatileSystem(String text) {
    transcript.replaceVolatile(new Transcript.Message("system", List.of(Transcript.textBlock(text)), true));
  }

  /** Appends the assistant message the client received. */
  public void receive(AssistantReply reply) {
    transcript.add(new Transcript.Message("assistant", reply.contentBlocks(), false));
  }

  /** Sets the {@code cc_version} of the billing header, as after a client update in the middle of a session. */
  public void billingVersion(String version) {
    system = system.withBillingVersion(version);
  }

  /** Sets how user messages with reminders are written in the following requests. */
  public void reminderStyle(ReminderStyle style) {
    reminderStyle = style;
  }

  /** Returns the next request: the whole transcript with the current system prompt and tools. */
  public ClaudeCodeRequest request() {
    return request(system, tools, transcript);
  }

  /**
   * Returns the auto-compaction request: the whole transcript with {@link Compaction#instruction()}
   * added to the last user message, as the client merges consecutive user messages, and the
   * summariser system prompt.
   */
  public ClaudeCodeRequest summarisingRequest() {
    return request(SystemPrompt.summariser(system.billingVersion()), JsonValue.EMPTY_JSON_ARRAY,
        transcript.withUserText(Compaction.instruction()));
  }

  /**
   * Replaces the transcript after a compaction: the continuation message with the summary from this
   * reply, then the tail from the last assistant message on, so the first request after it is
   * {@code [user(summary), assistant(tool_use), user(tool_result)]}.
   */
  public void compact(AssistantReply summaryReply) {
    List<Transcript.Message> tail = transcript.tail();
    Transcript compacted = new Transcript();
    String message = Compaction.continuationMessage(Compaction.summaryOf(summaryReply.text()), transcriptPath());
    compacted.add(new Transcript.Message("user", List.of(Transcript.textBlock(message)), true));
    tail.forEach(compacted::add);
    transcript.replaceWith(compacted);
  }

  public String sessionId() {
    return sessionId;
  }

  public String model() {
    return MODEL;
  }

  /** Returns the number of messages the next request carries, injected system messages included. */
  public int messageCount() {
    return transcript.size();
  }

  private ClaudeCodeRequest request(SystemPrompt prompt, JsonArray toolList, Transcript messages) {
    JsonObject body = Json.createObjectBuilder()
        .add("model", MODEL)
        .add("messages", messages.toJson(reminderStyle))
        .add("system", prompt.toJson())
        .add("tools", toolList)
        .add("metadata", Json.createObjectBuilder().add("user_id", userId()))
        .add("max_tokens", 32000)
        .add("thinking", Json.createObjectBuilder().add("type", "adaptive").add("display", "omitted"))
        .add("context_management", Json.createObjectBuilder().add("edits", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("type", "clear_thinking_20251015").add("keep", "all"))))
        .add("output_config", Json.createObjectBuilder().add("effort", "medium"))
        .add("stream", true)
        .build();
    return new ClaudeCodeRequest(TARGET, headers(), body.toString());
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("accept", "application/json");
    headers.put("content-type", "application/json");
    headers.put("user-agent", ClaudeCodeTexts.USER_AGENT);
    headers.put("x-claude-code-session-id", sessionId);
    headers.put("x-stainless-arch", "x64");
    headers.put("x-stainless-lang", "js");
    headers.put("x-stainless-os", "Linux");
    headers.put("x-stainless-package-version", "0.128.0");
    headers.put("x-stainless-retry-count", "0");
    headers.put("x-stainless-runtime", "node");
    headers.put("x-stainless-runtime-version", "v26.12.1");
    headers.put("x-stainless-timeout", "600");
    headers.put("anthropic-beta", ClaudeCodeTexts.ANTHROPIC_BETA);
    headers.put("anthropic-dangerous-direct-browser-access", "true");
    headers.put("anthropic-version", "2023-06-01");
    headers.put("x-api-key", apiKey);
    headers.put("x-app", "cli");
    return headers;
  }

  /** Returns {@code metadata.user_id}: a JSON object written as a string, as Claude Code 2.1 sends it. */
  private String userId() {
    return Json.createObjectBuilder()
        .add("device_id", DEVICE_ID)
        .add("account_uuid", "")
        .add("session_id", sessionId)
        .build().toString();
  }

  private List<JsonObject> toolResults(String... outputs) {
    Transcript.Message last = transcript.lastConversational();
    List<JsonObject> calls = last == null || !last.role().equals("assistant") ? List.of()
        : last.blocks().stream().filter(block -> block.getString("type").equals("tool_use")).toList();
    if (calls.size() != outputs.length) {
      throw new IllegalStateException("The last reply has " + calls.size() + " tool calls but "
          + outputs.length + " outputs were given");
    }
    List<JsonObject> results = new ArrayList<>();
    for (int i = 0; i < outputs.length; i++) {
      results.add(Json.createObjectBuilder()
          .add("tool_use_id", calls.get(i).getString("id"))
          .add("type", "tool_result")
          .add("content", outputs[i])
          .build());
    }
    return results;
  }

  private ClaudeCodeSession subAgent() {
    return new ClaudeCodeSession(apiKey, sessionId, project,
        SystemPrompt.subAgent(system.billingVersion(), project), Tools.forSubAgent(tools), new Transcript());
  }

  private ClaudeCodeSession copyAs(String id) {
    ClaudeCodeSession copy = new ClaudeCodeSession(apiKey, id, project, system, tools, new Transcript(transcript));
    copy.reminderStyle = reminderStyle;
    return copy;
  }

  private String workingDirectory() {
    return "/home/dev/" + project;
  }

  private String transcriptPath() {
    return "/home/dev/.claude/projects/-home-dev-" + project + "/" + sessionId + ".jsonl";
  }
}
