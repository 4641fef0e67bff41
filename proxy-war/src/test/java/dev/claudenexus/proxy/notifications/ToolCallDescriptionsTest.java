package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ToolCallDescriptionsTest {

  private static JsonObject input(String json) {
    return JsonProvider.provider().createReader(new StringReader(json)).readObject();
  }

  @Test
  void fileToolsShowPathTail() {
    JsonObject in = input("{\"file_path\":\"/home/dev/project/src/main/App.java\"}");

    for (String tool : new String[] {"Read", "Write", "Edit", "MultiEdit"}) {
      assertEquals(".../main/App.java", ToolCallDescriptions.describe(tool, in), tool);
    }
  }

  @Test
  void shortPathShownWhole() {
    assertEquals("/src/App.java", ToolCallDescriptions.describe("Read", input("{\"file_path\":\"/src/App.java\"}")));
  }

  @Test
  void bashShowsFirst50Characters() {
    String command = "x".repeat(60);

    assertEquals("x".repeat(50) + "...", ToolCallDescriptions.describe("Bash", input("{\"command\":\"" + command + "\"}")));
    assertEquals("npm test", ToolCallDescriptions.describe("Bash", input("{\"command\":\"npm test\"}")));
  }

  @Test
  void grepShowsFirst30Characters() {
    String pattern = "p".repeat(31);

    assertEquals("p".repeat(30) + "...", ToolCallDescriptions.describe("Grep", input("{\"pattern\":\"" + pattern + "\"}")));
  }

  @Test
  void globShowsPattern() {
    assertEquals("**/*.java", ToolCallDescriptions.describe("Glob", input("{\"pattern\":\"**/*.java\"}")));
  }

  @Test
  void lsShowsPath() {
    assertEquals("/tmp/dir", ToolCallDescriptions.describe("LS", input("{\"path\":\"/tmp/dir\"}")));
  }

  @Test
  void todoWriteCountsStatuses() {
    JsonObject in = input("{\"todos\":[{\"status\":\"completed\"},{\"status\":\"pending\"},"
        + "{\"status\":\"completed\"},{\"status\":\"in_progress\"}]}");

    assertEquals("2 completed, 1 in_progress, 1 pending", ToolCallDescriptions.describe("TodoWrite", in));
  }

  @Test
  void todoWriteWithoutTodos() {
    assertEquals("no todos", ToolCallDescriptions.describe("TodoWrite", input("{\"todos\":[]}")));
    assertEquals("", ToolCallDescriptions.describe("TodoWrite", input("{}")));
  }

  @Test
  void todoReadHasFixedText() {
    assertEquals("reading the todo list", ToolCallDescriptions.describe("TodoRead", input("{}")));
  }

  @Test
  void webSearchShowsFirst40Characters() {
    String query = "q".repeat(41);

    assertEquals("q".repeat(40) + "...", ToolCallDescriptions.describe("WebSearch", input("{\"query\":\"" + query + "\"}")));
  }

  @Test
  void webFetchShowsHostOnly() {
    JsonObject in = input("{\"url\":\"https://docs.example.com/a/b?token=secret\"}");

    assertEquals("docs.example.com", ToolCallDescriptions.describe("WebFetch", in));
  }

  @Test
  void webFetchWithInvalidUrlShowsNothing() {
    assertEquals("", ToolCallDescriptions.describe("WebFetch", input("{\"url\":\"not a url\"}")));
  }

  @Test
  void otherToolsShowPromptFirst() {
    JsonObject in = input("{\"prompt\":\"" + "r".repeat(45) + "\",\"description\":\"short\"}");

    assertEquals("r".repeat(40) + "...", ToolCallDescriptions.describe("Task", in));
  }

  @Test
  void otherToolsFallBackToDescription() {
    assertEquals("Explore the code", ToolCallDescriptions.describe("Task", input("{\"description\":\"Explore the code\"}")));
  }

  @Test
  void missingInputShowsNothing() {
    assertEquals("", ToolCallDescriptions.describe("Read", null));
    assertEquals("", ToolCallDescriptions.describe("mcp__tool", input("{\"other\":1}")));
  }
}
