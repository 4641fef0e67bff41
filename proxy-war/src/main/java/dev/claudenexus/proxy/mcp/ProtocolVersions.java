package dev.claudenexus.proxy.mcp;

import java.util.List;

/** The MCP protocol versions this server speaks, oldest first. */
final class ProtocolVersions {

  /** Every supported version; the last is the newest, offered to clients that ask for another one. */
  static final List<String> SUPPORTED = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

  private ProtocolVersions() {}

  static boolean isSupported(String version) {
    return SUPPORTED.contains(version);
  }

  /** Returns the version the client asked for when supported, else the newest one. */
  static String negotiate(String requested) {
    return isSupported(requested) ? requested : SUPPORTED.get(SUPPORTED.size() - 1);
  }
}
