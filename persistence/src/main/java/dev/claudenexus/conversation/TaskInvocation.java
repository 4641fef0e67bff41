package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A sub-agent launch: a {@code Task} or {@code Agent} tool call in a response.
 *
 * @param ordinal the 1-based position among the sub-agent calls of that response that have a prompt
 * @param timestamp the start of the request whose response made the call
 */
public record TaskInvocation(
    UUID requestId,
    String domain,
    Instant timestamp,
    String toolUseId,
    String toolName,
    String prompt,
    int ordinal) {

  /** Returns the key under which invocations are looked up: SHA-256 hex of the trimmed prompt. */
  public String promptHash() {
    return SubagentPrompt.key(prompt);
  }
}
