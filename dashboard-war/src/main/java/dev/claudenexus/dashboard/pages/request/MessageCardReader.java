package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the cards of a request's conversation from its stored request and response bodies: the
 * system blocks, every message and the response. Bodies that are missing or not JSON become
 * problems, never errors, and all text is kept as text for the page to escape.
 */
public final class MessageCardReader {

  /** Characters one block shows before it is cut. */
  static final int BLOCK_CHARS = 20_000;
  /** Characters of text one page shows in all; later blocks show a short preview. */
  static final long PAGE_CHARS = 1_500_000;
  /** Blocks one page shows in all. */
  static final int MAX_BLOCKS = 4_000;
  /** Base64 characters of images one page shows in all. */
  static final long IMAGE_CHARS = 20_000_000;
  /** A card with more characters or lines than these starts collapsed. */
  static final int COLLAPSE_CHARS = 1_200;
  static final int COLLAPSE_LINES = 20;

  private final TextBudget budget = new TextBudget(BLOCK_CHARS, PAGE_CHARS, MAX_BLOCKS);
  private final List<String> problems = new ArrayList<>();

  private MessageCardReader() {}

  /** Returns the cards of a request; either body may be {@code null}. */
  public static ConversationView read(String requestBody, String responseBody) {
    return new MessageCardReader().readBodies(requestBody, responseBody);
  }

  private ConversationView readBodies(String requestBody, String responseBody) {
    Optional<JsonObject> request = object(requestBody, "request body");
    Optional<JsonObject> response = object(responseBody, "response body");
    JsonArray messages = request.map(body -> body.get("messages"))
        .filter(JsonArray.class::isInstance).map(JsonArray.class::cast)
        .orElse(JsonValue.EMPTY_JSON_ARRAY);
    Map<String, String> toolNames = new HashMap<>();
    for (JsonValue message : messages) {
      if (message instanceof JsonObject fields) {
        ToolIds.collectNames(fields.get("content"), toolNames);
      }
    }
    response.ifPresent(body -> ToolIds.collectNames(body.get("content"), toolNames));
    ContentReader content = new ContentReader(budget,
        new ImageSources.ImageBudget(IMAGE_CHARS), toolNames);

    List<MessageCard> system = request.map(body -> systemCards(body.get("system"), content))
        .orElse(List.of());
    List<MessageCard> cards = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      cards.add(messageCard(messages.get(i), i + 1, content));
    }
    response.ifPresent(body -> cards.add(responseCard(body, content)));
    if (content.leftOut() > 0) {
      problems.add(content.leftOut() + " more blocks are not shown, to keep the page small;"
          + " the raw view has them.");
    }
    return new ConversationView(system, cards, problems, budget.anyCut(), content.reminders());
  }

  private Optional<JsonObject> object(String text, String name) {
    if (text == null || text.isBlank()) {
      problems.add("No " + name + " was stored.");
      return Optional.empty();
    }
    Optional<JsonValue> value = JsonDocuments.parse(text);
    if (value.isEmpty()) {
      problems.add("The stored " + name + " is not valid JSON; the raw view shows it as stored.");
      return Optional.empty();
    }
    if (!(value.get() instanceof JsonObject object)) {
      problems.add("The stored " + name + " is not a JSON object; the raw view shows it.");
      return Optional.empty();
    }
    return Optional.of(object);
  }

  private static List<MessageCard> systemCards(JsonValue system, ContentReader content) {
    if (system == null || system.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (system instanceof JsonArray blocks) {
      List<MessageCard> cards = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++) {
        String anchor = "system-" + (i + 1);
        cards.add(card(anchor, "system", "System block " + (i + 1),
            content.blocks(single(blocks.get(i)), anchor)));
      }
      return cards;
    }
    return List.of(card("system-1", "system", "System", content.blocks(system, "system-1")));
  }

  private static MessageCard messageCard(JsonValue message, int number, ContentReader content) {
    String anchor = "message-" + number;
    String title = "Message " + number;
    if (!(message instanceof JsonObject fields)) {
      return card(anchor, "invalid", title, content.blocks(single(message), anchor));
    }
    String role = fields.get("role") instanceof JsonString value
        ? ShownText.cutTo(value.getString(), 40).text() : "unknown";
    return card(anchor, role, title, content.blocks(fields.get("content"), anchor));
  }

  private static MessageCard responseCard(JsonObject body, ContentReader content) {
    JsonValue blocks = body.get("content");
    if (blocks == null) {
      // An error response has no content; its whole body is what there is to show.
      blocks = single(body);
    }
    return card("response", "assistant", "Response", content.blocks(blocks, "response"));
  }

  private static MessageCard card(String anchor, String role, String title,
      List<MessageBlock> blocks) {
    return new MessageCard(anchor, role, title, blocks, isLong(blocks));
  }

  private static boolean isLong(List<MessageBlock> blocks) {
    long chars = 0;
    long lines = 0;
    for (MessageBlock block : blocks) {
      String text = block.shownText();
      chars += text.length();
      lines += text.chars().filter(c -> c == '\n').count() + 1;
    }
    return chars > COLLAPSE_CHARS || lines > COLLAPSE_LINES;
  }

  private static JsonArray single(JsonValue value) {
    return JSON.createArrayBuilder().add(value).build();
  }
}
