package dev.claudenexus.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

  @ParameterizedTest
  @ValueSource(strings = {"/v1/messages", "/v1/messages/count_tokens", "/v1/models/claude-x",
      "/v1/files/file_01%20a", "/mcp", "/mcp/", "/v1/messages/", "/v1/..x/.y"})
  void canonicalPathsPass(String path) {
    assertTrue(CanonicalPath.isCanonical(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1/messages", "//v1/messages", "/./v1/messages", "/v1/./messages",
      "/mcp/../v1/messages", "/v1/../mcp", "/v1/..", "/v1/.", "/v1//messages",
      "/v1;a=b/messages", "/v1/messages;x", "/%2e/v1/messages", "/%2E%2E/v1", "/v1%2fmessages",
      "/v1%2Fmessages", "/v1\\messages", "/v1/%5c..", "/v1/messages//"})
  void otherPathsFail(String path) {
    assertFalse(CanonicalPath.isCanonical(path), path);
  }
}
