/**
 * Scripted Claude Code 2.1 sessions: request bodies and headers as the CLI sends them, and matching
 * streamed replies for the fake Anthropic API.
 *
 * <p>A {@link dev.claudenexus.testsupport.claudecode.ClaudeCodeSession} keeps the transcript the way
 * the client does: each reply it receives and each tool result or prompt that follows are appended,
 * and every request re-sends the whole transcript. The wire details it reproduces (the billing header
 * block, injected {@code role: "system"} messages, reminders as strings or blocks, {@code Agent}
 * sub-agents, auto-compaction) are the ones visible in requests captured from Claude Code 2.1.332.
 */
package dev.claudenexus.testsupport.claudecode;
