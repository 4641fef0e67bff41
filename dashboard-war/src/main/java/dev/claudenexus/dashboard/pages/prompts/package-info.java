/**
 * The Prompts pages: the MCP prompt library with its GitHub sync status, a search, and one prompt's
 * template with the command that adds the proxy's MCP server to Claude Code.
 */
package dev.claudenexus.dashboard.pages.prompts;
