package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP TypeScript SDK client ({@code acceptance/mcp-sdk}) against {@code /mcp} over
 * Streamable HTTP: it negotiates the protocol, lists the prompts, renders one with arguments, gets
 * an error for a missing prompt and ends its session. Needs Node.js and npm; {@code npm ci} installs
 * the pinned SDK on first use.
 */
@ExtendWith(NexusServerExtension.class)
class McpSdkIT {

  private final NexusServer server;

  McpSdkIT(NexusServer server) {
    this.server = server;
  }

  @Test
  void sdkClientListsAndRendersPrompts() throws Exception {
    Path client = Path.of(System.getProperty("nexus.root", "..")).toAbsolutePath().normalize()
        .resolve("acceptance/mcp-sdk");
    if (!Files.isDirectory(client.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      run(client, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
    }

    String output = run(client, List.of("node", "client.mjs", server.baseUrl() + "/mcp",
        server.clientKey, NexusServer.LOCAL_PROMPT, "{\"topic\":\"the release\",\"detail\":\"yes\"}"));

    JsonObject seen = McpClient.json(output.lines().reduce((a, b) -> b).orElseThrow()).asJsonObject();
    assertThat(seen.getString("protocolVersion")).isEqualTo("2025-11-25");
    assertThat(seen.getString("sessionId")).matches("[0-9a-f]{32}");
    assertThat(seen.getJsonObject("server").getString("name")).isEqualTo("claude-nexus-mcp-server");
    assertThat(seen.getJsonArray("prompts").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("name")).contains(NexusServer.LOCAL_PROMPT);
    assertThat(seen.getJsonObject("rendered").getJsonArray("messages").getJsonObject(0)
        .getJsonObject("content").getString("text")).isEqualTo("Summarise the release in detail.\n");
    assertThat(seen.getJsonObject("missing").getInt("code")).isEqualTo(-32602);
  }

  private static String run(Path directory, List<String> command) throws Exception {
    Path log = Files.createTempFile("mcp-sdk", ".out");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue()
            + ":\n" + output);
      }
      return output;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
