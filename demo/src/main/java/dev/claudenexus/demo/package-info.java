/**
 * The sessions of {@code bin/nexus demo}: recorded Claude Code sessions (a tool loop, an edited
 * prompt that opens a branch, a compaction, sub-agents, a failed request) sent through a running
 * proxy to a loopback fake of the Anthropic API, which runs in the same process and keeps answering
 * after the sessions end. Nothing here reaches a real Anthropic account.
 */
package dev.claudenexus.demo;
