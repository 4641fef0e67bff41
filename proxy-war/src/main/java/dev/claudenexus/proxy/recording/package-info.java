/**
 * Records Anthropic Messages API responses as the proxy forwards them: parses a copy of the
 * streamed (server-sent events) or JSON bytes into token usage, tool calls, the reconstructed
 * message and an outcome, without ever throwing on malformed upstream data.
 */
package dev.claudenexus.proxy.recording;
