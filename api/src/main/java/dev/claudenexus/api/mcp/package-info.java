/**
 * The MCP prompt library of {@code /api/mcp/*}: its settings, and the resource that lists prompts and
 * starts or reports the GitHub sync. The proxy serves the same prompts over MCP at {@code /mcp}.
 */
package dev.claudenexus.api.mcp;
