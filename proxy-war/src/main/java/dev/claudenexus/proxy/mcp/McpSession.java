package dev.claudenexus.proxy.mcp;

/**
 * A session that an {@code initialize} request started.
 *
 * @param domain the domain whose client key started it; requests of other domains cannot use it
 * @param protocolVersion the negotiated protocol version
 */
record McpSession(String domain, String protocolVersion) {}
