package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import static dev.claudenexus.dashboard.pages.request.Bodies.image;
import static dev.claudenexus.dashboard.pages.request.Bodies.message;
import static dev.claudenexus.dashboard.pages.request.Bodies.request;
import static dev.claudenexus.dashboard.pages.request.Bodies.response;
import static dev.claudenexus.dashboard.pages.request.Bodies.text;
import static dev.claudenexus.dashboard.pages.request.Bodies.toolResult;
import static dev.claudenexus.dashboard.pages.request.Bodies.toolUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCardReaderTest {

  private static final JsonValue INPUT = JSON.createObjectBuilder().add("command", "ls").build();

  @Test
  void cardsForSystemMessagesAndResponse() {
    String body = """
        {"model": "m", "system": [{"type": "text", "text": "You are Claude Code."},
          {"type": "text", "text": "Be brief."}],
         "messages": [{"role": "user", "content": "Hello"},
          {"role": "assistant", "content": [{"type": "text", "text": "Hi"}]}]}""";

    ConversationView view = MessageCardReader.read(body, response(text("Done")));

    assertThat(view.system()).extracting(MessageCard::title)
        .containsExactly("System block 1", "System block 2");
    assertThat(view.messages()).extracting(MessageCard::anchor)
        .containsExactly("message-1", "message-2", "response");
    assertThat(view.messages()).extracting(MessageCard::role)
        .containsExactly("user", "assistant", "assistant");
    assertThat(view.problems()).isEmpty();
    assertThat(view.cut()).isFalse();
  }

  @Test
  void systemStringIsOneCard() {
    ConversationView view = MessageCardReader.read(request("Be brief.", message("user", "x")), null);

    assertThat(view.system()).hasSize(1);
    assertThat(view.system().get(0).blocks().get(0).shownText()).isEqualTo("Be brief.");
    assertThat(view.problems()).containsExactly("No response body was stored.");
  }

  @Test
  void toolResultNamedAfterItsCall() {
    String body = request(null,
        message("assistant", toolUse("toolu_1", "Read", INPUT)),
        message("user", toolResult("toolu_1", "file contents", false)));

    ConversationView view = MessageCardReader.read(body, response(text("ok")));

    MessageBlock.ToolUse call = (MessageBlock.ToolUse) view.messages().get(0).blocks().get(0);
    MessageBlock.ToolResult result =
        (MessageBlock.ToolResult) view.messages().get(1).blocks().get(0);
    assertThat(call.name()).isEqualTo("Read");
    assertThat(call.input().text()).contains("\"command\": \"ls\"");
    assertThat(result.toolName()).isEqualTo("Read");
    assertThat(result.error()).isFalse();
    assertThat(result.content().get(0).shownText()).isEqualTo("file contents");
  }

  @Test
  void eachInvocationIsItsOwnBox() {
    String body = request(null, message("assistant", toolUse("toolu_1", "Read", INPUT),
        toolUse("toolu_2", "Bash", INPUT)), message("user",
        toolResult("toolu_1", "a", false), toolResult("toolu_2", "failed", true)));

    ConversationView view = MessageCardReader.read(body, null);

    assertThat(view.messages().get(0).blocks()).extracting(MessageBlock::kind)
        .containsExactly("tool_use", "tool_use");
    List<MessageBlock> results = view.messages().get(1).blocks();
    assertThat(results).extracting(MessageBlock::kind).containsExactly("tool_result", "tool_result");
    assertThat(((MessageBlock.ToolResult) results.get(1)).toolName()).isEqualTo("Bash");
    assertThat(((MessageBlock.ToolResult) results.get(1)).error()).isTrue();
  }

  @Test
  void duplicateToolIdsShownOnce() {
    String body = request(null,
        message("assistant", toolUse("toolu_1", "Read", INPUT)),
        message("user", toolResult("toolu_1", "a", false)),
        message("assistant", toolUse("toolu_1", "Read", INPUT)),
        message("user", toolResult("toolu_1", "a", false)));

    ConversationView view = MessageCardReader.read(body, null);

    MessageBlock.Duplicate use = (MessageBlock.Duplicate) view.messages().get(2).blocks().get(0);
    MessageBlock.Duplicate result =
        (MessageBlock.Duplicate) view.messages().get(3).blocks().get(0);
    assertThat(use.blockType()).isEqualTo("tool_use");
    assertThat(use.anchor()).isEqualTo("message-1");
    assertThat(result.blockType()).isEqualTo("tool_result");
    assertThat(result.anchor()).isEqualTo("message-2");
  }

  @Test
  void remindersSplitFromText() {
    String text = "<system-reminder>\nContext used: 56%\n</system-reminder>\nFix the bug.";

    ConversationView view = MessageCardReader.read(request(null, message("user", text(text))),
        null);

    assertThat(view.messages().get(0).blocks()).extracting(MessageBlock::kind)
        .containsExactly("reminder", "text");
    assertThat(view.messages().get(0).blocks().get(1).shownText()).isEqualTo("\nFix the bug.");
    assertThat(view.reminders()).isEqualTo(1);
  }

  @Test
  void remindersInToolResults() {
    String body = request(null, message("user",
        toolResult("toolu_9", "output<system-reminder>note</system-reminder>", false)));

    ConversationView view = MessageCardReader.read(body, null);

    MessageBlock.ToolResult result = (MessageBlock.ToolResult) view.messages().get(0).blocks().get(0);
    assertThat(result.content()).extracting(MessageBlock::kind).containsExactly("text", "reminder");
    assertThat(result.toolName()).isNull();
  }

  @Test
  void markupStaysText() {
    String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    String body = request(null, message("user", script),
        message("assistant", toolUse("toolu_1", "Bash", JSON.createObjectBuilder()
            .add("command", "echo '" + script + "'").build())));

    ConversationView view = MessageCardReader.read(body, response(text(script)));

    assertThat(view.messages().get(0).blocks()).hasSize(1);
    assertThat(view.messages().get(0).blocks().get(0).kind()).isEqualTo("text");
    assertThat(view.messages().get(0).blocks().get(0).shownText()).isEqualTo(script);
    assertThat(view.messages().get(1).blocks().get(0).shownText()).contains(script);
    assertThat(view.messages().get(2).blocks().get(0).shownText()).isEqualTo(script);
  }

  @Test
  void hugeTextCutQuickly() {
    String huge = "x".repeat(2 * 1024 * 1024);
    String body = request(null, message("user", huge));

    ConversationView view = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> MessageCardReader.read(body, response(text(huge))));

    MessageBlock.Text first = (MessageBlock.Text) view.messages().get(0).blocks().get(0);
    assertThat(first.text().cut()).isTrue();
    assertThat(first.text().text()).hasSize(MessageCardReader.BLOCK_CHARS);
    assertThat(first.text().fullLength()).isEqualTo(huge.length());
    assertThat(view.messages().get(0).collapsible()).isTrue();
    assertThat(view.cut()).isTrue();
  }

  @Test
  void pageBudgetLeavesPreviews() {
    JsonValue[] blocks = new JsonValue[100];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = text("y".repeat(MessageCardReader.BLOCK_CHARS));
    }
    ConversationView view = MessageCardReader.read(request(null, message("user", blocks)), null);

    List<MessageBlock> shown = view.messages().get(0).blocks();
    int full = (int) (MessageCardReader.PAGE_CHARS / MessageCardReader.BLOCK_CHARS);
    assertThat(shown.get(full - 1).shownText()).hasSize(MessageCardReader.BLOCK_CHARS);
    assertThat(shown.get(full + 1).shownText()).hasSize(TextBudget.PREVIEW);
    assertThat(view.cut()).isTrue();
  }

  @Test
  void blocksBeyondLimitLeftOut() {
    JsonValue[] blocks = new JsonValue[MessageCardReader.MAX_BLOCKS + 5];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = text("b" + i);
    }
    ConversationView view = MessageCardReader.read(request(null, message("user", blocks)), null);

    assertThat(view.messages().get(0).blocks()).hasSize(MessageCardReader.MAX_BLOCKS);
    assertThat(view.problems()).anyMatch(problem -> problem.startsWith("5 more blocks"));
  }

  @Test
  void malformedBodiesBecomeProblems() {
    ConversationView view = MessageCardReader.read("{\"messages\": [", "not json at all");

    assertThat(view.messages()).isEmpty();
    assertThat(view.problems()).containsExactly(
        "The stored request body is not valid JSON; the raw view shows it as stored.",
        "The stored response body is not valid JSON; the raw view shows it as stored.");
  }

  @Test
  void unexpectedShapesShownAsJson() {
    String body = "{\"messages\": [\"just a string\", {\"role\": \"user\", \"content\": 42},"
        + " {\"role\": \"user\", \"content\": [null, {\"type\": \"document\"}]}]}";

    ConversationView view = MessageCardReader.read(body, "[1, 2]");

    assertThat(view.messages()).extracting(MessageCard::role)
        .containsExactly("invalid", "user", "user");
    assertThat(view.messages().get(0).blocks().get(0).kind()).isEqualTo("other");
    assertThat(view.messages().get(1).blocks().get(0).shownText()).isEqualTo("42");
    assertThat(view.messages().get(2).blocks()).extracting(MessageBlock::kind)
        .containsExactly("other", "other");
    assertThat(view.problems())
        .containsExactly("The stored response body is not a JSON object; the raw view shows it.");
  }

  @Test
  void errorResponseShownWhole() {
    String error = "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\"}}";

    ConversationView view = MessageCardReader.read(request(null, message("user", "x")), error);

    MessageBlock.Other block = (MessageBlock.Other) view.messages().get(1).blocks().get(0);
    assertThat(block.type()).isEqualTo("error");
    assertThat(block.json().text()).contains("overloaded_error");
  }

  @Test
  void pngImageShownAsDataUrl() {
    ConversationView view = MessageCardReader.read(
        request(null, message("user", image("image/png", "iVBORw0KGgo="))), null);

    MessageBlock.Image shown = (MessageBlock.Image) view.messages().get(0).blocks().get(0);
    assertThat(shown.dataUrl()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
    assertThat(shown.notice()).isNull();
  }

  @Test
  void nonImageMediaTypeNotShown() {
    for (String type : List.of("text/html", "image/svg+xml", "image/png\"><script>")) {
      ConversationView view = MessageCardReader.read(
          request(null, message("user", image(type, "PHNjcmlwdD4="))), null);

      MessageBlock.Image shown = (MessageBlock.Image) view.messages().get(0).blocks().get(0);
      assertThat(shown.dataUrl()).as(type).isNull();
      assertThat(shown.notice()).as(type).contains("is not shown");
    }
  }

  @Test
  void invalidBase64NotShown() {
    ConversationView view = MessageCardReader.read(request(null,
        message("user", image("image/png", "AAAA\"><script>alert(1)</script>"))), null);

    MessageBlock.Image shown = (MessageBlock.Image) view.messages().get(0).blocks().get(0);
    assertThat(shown.dataUrl()).isNull();
    assertThat(shown.notice()).isEqualTo("The image data is not valid base64.");
  }

  @Test
  void longCardsCollapsible() {
    String body = request(null, message("user", "short"),
        message("user", "line\n".repeat(MessageCardReader.COLLAPSE_LINES + 1)),
        message("user", "z".repeat(MessageCardReader.COLLAPSE_CHARS + 1)));

    ConversationView view = MessageCardReader.read(body, null);

    assertThat(view.messages()).extracting(MessageCard::collapsible)
        .containsExactly(false, true, true);
  }

  @Test
  void thinkingLabelled() {
    String body = "{\"messages\": []}";
    String answer = "{\"content\": [{\"type\": \"thinking\", \"thinking\": \"Let me see\"},"
        + " {\"type\": \"redacted_thinking\", \"data\": \"abc\"}]}";

    ConversationView view = MessageCardReader.read(body, answer);

    List<MessageBlock> blocks = view.messages().get(0).blocks();
    assertThat(((MessageBlock.Text) blocks.get(0)).label()).isEqualTo("Thinking");
    assertThat(blocks.get(0).shownText()).isEqualTo("Let me see");
    assertThat(((MessageBlock.Text) blocks.get(1)).label()).isEqualTo("Redacted thinking");
  }

  @Test
  void roleClassOnlyKnownRoles() {
    String body = request(null, message("\"><svg onload=alert(1)>", "x"), message("system", "y"));

    ConversationView view = MessageCardReader.read(body, null);

    assertThat(view.messages().get(0).roleClass()).isEqualTo("nexus-role-other");
    assertThat(view.messages().get(1).roleClass()).isEqualTo("nexus-role-system");
  }
}
