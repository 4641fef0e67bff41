package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after the other system tests and searches everything the proxy wrote (logs, journal files and
 * stored rows) for the keys and tokens the tests used. Only the credential files, and request bodies
 * that contain a key because a test pasted it into the prompt, may contain them.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(NexusServerExtension.class)
class SecretScanIT {

  private final NexusServer server;

  SecretScanIT(NexusServer server) {
    this.server = server;
  }

  private List<String> secrets() {
    return List.of(server.clientKey, server.otherClientKey, NexusServer.UPSTREAM_API_KEY,
        "cnp_live_oauth", "cnp_live_livefiletestkey", "sk-ant-first", "sk-ant-second", "refresh-0",
        "old-access");
  }

  @Test
  void logsAndJournalHoldNoSecrets() throws Exception {
    List<String> findings = new ArrayList<>();
    for (String folder : List.of("logs", "data/journal", "run")) {
      Path directory = server.home.resolve(folder);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/payara/")).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String secret : secrets()) {
            if (text.contains(secret)) {
              findings.add(file + " contains " + secret.substring(0, 6) + "...");
            }
          }
        }
      }
    }
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  @Test
  void storedRowsHoldNoSecrets() throws Exception {
    StoredRequests stored = new StoredRequests(server);
    List<String> findings = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>(stored.query("SELECT * FROM api_requests"));
    for (Map<String, Object> row : rows) {
      // The request body is the prompt as the user sent it, stored verbatim on purpose, so a test that
      // pastes keys into a prompt finds them there. Every other column is checked.
      Map<String, Object> checked = new java.util.HashMap<>(row);
      checked.remove("body");
      String text = checked.toString();
      for (String secret : secrets()) {
        if (text.contains(secret)) {
          findings.add("row " + row.get("request_id") + " contains " + secret.substring(0, 6) + "...");
        }
      }
    }
    assertTrue(!rows.isEmpty(), "the scan found no stored rows to check");
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }
}
