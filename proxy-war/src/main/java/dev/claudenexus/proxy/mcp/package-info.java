/**
 * The MCP server at {@code /mcp}: JSON-RPC 2.0 over the Streamable HTTP transport (protocol
 * 2025-03-26 and later) and the single-POST form that 2024-11-05 clients of the original used. It
 * serves the prompt library ({@code prompts/list}, {@code prompts/get}) to clients that present their
 * domain's client key. Responses are plain JSON; the server sends no messages of its own, so it opens
 * no event stream.
 */
package dev.claudenexus.proxy.mcp;
