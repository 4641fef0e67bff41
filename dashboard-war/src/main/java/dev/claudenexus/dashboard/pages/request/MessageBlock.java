package dev.claudenexus.dashboard.pages.request;

import java.util.List;

/**
 * One content block of a message card. {@link #kind} names the record for the page, which renders
 * each kind with its own markup; every text is rendered escaped.
 */
public sealed interface MessageBlock {

  /**
   * Returns {@code text}, {@code reminder}, {@code tool_use}, {@code tool_result}, {@code spark},
   * {@code image}, {@code duplicate} or {@code other}.
   */
  String kind();

  /** Returns the text the block shows, for sizing its card. */
  String shownText();

  /** Plain text. {@code label} is {@code null}, or names the kind of text, such as thinking. */
  record Text(String label, ShownText text) implements MessageBlock {
    @Override
    public String kind() {
      return "text";
    }

    @Override
    public String shownText() {
      return text.text();
    }
  }

  /** A {@code <system-reminder>} that the client added to a message, hidden until opened. */
  record Reminder(ShownText text) implements MessageBlock {
    @Override
    public String kind() {
      return "reminder";
    }

    @Override
    public String shownText() {
      return "";
    }
  }

  /** A tool call: its id, tool name and input as indented JSON. */
  record ToolUse(String id, String name, ShownText input) implements MessageBlock {
    @Override
    public String kind() {
      return "tool_use";
    }

    @Override
    public String shownText() {
      return input.text();
    }
  }

  /**
   * The result of a tool call. {@code toolName} comes from the call with the same id, or is
   * {@code null} when the request does not contain that call; {@code content} holds only text and
   * image blocks.
   */
  record ToolResult(String toolUseId, String toolName, boolean error, List<MessageBlock> content)
      implements MessageBlock {
    @Override
    public String kind() {
      return "tool_result";
    }

    @Override
    public String shownText() {
      StringBuilder text = new StringBuilder();
      for (MessageBlock block : content) {
        text.append(block.shownText()).append('\n');
      }
      return text.toString();
    }
  }

  /**
   * The result of Spark's recommendation tool, shown as a recommendation card with its feedback.
   * {@code error} is Spark's error message, or {@code null}.
   */
  record Spark(String toolUseId, String sessionId, ShownText request, ShownText response, String error)
      implements MessageBlock {
    @Override
    public String kind() {
      return "spark";
    }

    @Override
    public String shownText() {
      return response.text();
    }
  }

  /**
   * An image. {@code dataUrl} is a {@code data:} URL of a base64 image of an allowed media type, or
   * {@code null} when the image is not shown, and then {@code notice} gives the reason. {@code mediaType} is
   * {@code null} unless it is one of the allowed types.
   */
  record Image(String mediaType, String dataUrl, String notice) implements MessageBlock {
    @Override
    public String kind() {
      return "image";
    }

    @Override
    public String shownText() {
      return "";
    }
  }

  /** A tool block whose id an earlier message already had; {@code anchor} names that card. */
  record Duplicate(String blockType, String toolUseId, String anchor) implements MessageBlock {
    @Override
    public String kind() {
      return "duplicate";
    }

    @Override
    public String shownText() {
      return "";
    }
  }

  /** A block of another type (document, server tool, ...) shown as indented JSON. */
  record Other(String type, ShownText json) implements MessageBlock {
    @Override
    public String kind() {
      return "other";
    }

    @Override
    public String shownText() {
      return json.text();
    }
  }
}
