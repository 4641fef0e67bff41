package dev.claudenexus.api.analyses;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Validates the bodies and path parameters of the analysis endpoints. Every violation is listed in
 * a 400 response {@code {"error": "Invalid request", "details": [...]}}.
 */
final class AnalysisRequestBody {

  /** Largest request body accepted. */
  static final int MAX_BODY_CHARS = 256 * 1024;
  /** Maximum length of a custom prompt. */
  static final int MAX_PROMPT_CHARS = 50_000;
  /** Maximum length of a branch id, the column's size. */
  static final int MAX_BRANCH_CHARS = 255;

  private final List<String> details = new ArrayList<>();

  /** A validated request: the branch and the optional custom prompt. */
  record Parsed(UUID conversationId, String branchId, String customPrompt) {}

  /** Validates {@code POST /api/analyses}: {@code {conversationId, branchId, customPrompt?}}. */
  static Parsed create(String body) {
    AnalysisRequestBody check = new AnalysisRequestBody();
    JsonObject json = check.object(body, true);
    UUID conversation = check.uuid(json.get("conversationId"), "conversationId");
    String branch = check.branch(json.get("branchId"), "branchId");
    String prompt = check.prompt(json.get("customPrompt"));
    check.throwIfInvalid();
    return new Parsed(conversation, branch, prompt);
  }

  /** Validates the path and the optional body {@code {customPrompt?}} of a regeneration. */
  static Parsed regenerate(String conversationId, String branchId, String body) {
    AnalysisRequestBody check = new AnalysisRequestBody();
    UUID conversation = check.uuid(JSON.createValue(conversationId), "conversationId");
    String branch = check.branch(JSON.createValue(branchId), "branchId");
    JsonObject json = check.object(body, false);
    String prompt = check.prompt(json.get("customPrompt"));
    check.throwIfInvalid();
    return new Parsed(conversation, branch, prompt);
  }

  /** Validates the path of a read. */
  static Parsed path(String conversationId, String branchId) {
    AnalysisRequestBody check = new AnalysisRequestBody();
    UUID conversation = check.uuid(JSON.createValue(conversationId), "conversationId");
    String branch = check.branch(JSON.createValue(branchId), "branchId");
    check.throwIfInvalid();
    return new Parsed(conversation, branch, null);
  }

  private JsonObject object(String body, boolean required) {
    if (body == null || body.isBlank()) {
      if (required) {
        details.add("the body must be a JSON object with conversationId and branchId");
      }
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (body.length() > MAX_BODY_CHARS) {
      details.add("the body is larger than " + MAX_BODY_CHARS + " characters");
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      if (reader.readValue() instanceof JsonObject object) {
        return object;
      }
      details.add("the body must be a JSON object");
    } catch (JsonException e) {
      details.add("the body is not valid JSON");
    }
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private UUID uuid(JsonValue value, String name) {
    if (!(value instanceof JsonString text)) {
      details.add(name + " is required and must be a UUID string");
      return null;
    }
    try {
      UUID parsed = UUID.fromString(text.getString());
      if (parsed.toString().equalsIgnoreCase(text.getString())) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    details.add(name + " must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    return null;
  }

  private String branch(JsonValue value, String name) {
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      details.add(name + " is required and must be a non-empty string, such as main");
      return null;
    }
    String branch = text.getString();
    if (branch.length() > MAX_BRANCH_CHARS) {
      details.add(name + " must be at most " + MAX_BRANCH_CHARS + " characters");
    } else if (branch.chars().anyMatch(Character::isISOControl)) {
      details.add(name + " must not contain control characters");
    }
    return branch;
  }

  private String prompt(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      details.add("customPrompt must be a string");
      return null;
    }
    String prompt = text.getString();
    if (prompt.length() > MAX_PROMPT_CHARS) {
      details.add("customPrompt must be at most " + MAX_PROMPT_CHARS + " characters");
    }
    return prompt.isBlank() ? null : prompt;
  }

  private void throwIfInvalid() {
    if (details.isEmpty()) {
      return;
    }
    JsonArrayBuilder list = JSON.createArrayBuilder();
    details.forEach(list::add);
    String body = JSON.createObjectBuilder().add("error", "Invalid request").add("details", list)
        .build().toString();
    throw new WebApplicationException(
        Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build());
  }
}
