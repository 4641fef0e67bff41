package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import static dev.claudenexus.conversation.AcceptanceData.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Malformed and hostile bodies: hashing returns a value or no hash, never an exception. */
class HostileInputTest {

  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  @ParameterizedTest
  @EnumSource(HashMode.class)
  void malformedBodiesGiveNoHash(HashMode mode) {
    MessageHasher hasher = new MessageHasher(mode);
    String[] bodies = {
      "{}",
      "{\"messages\": \"hello\"}",
      "{\"messages\": {\"role\": \"user\"}}",
      "{\"messages\": []}",
      "{\"messages\": [{\"role\": \"user\", \"content\": null}]}",
      "{\"messages\": [{\"role\": \"user\", \"content\": 42}]}",
      "{\"messages\": [{\"role\": \"user\", \"content\": {\"text\": \"hi\"}}]}",
      "{\"messages\": [{\"role\": \"user\"}]}",
      "{\"messages\": [{\"role\": \"user\", \"content\": [null]}]}",
      "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 5}]}]}",
      "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image\", \"source\": {\"data\": 7}}]}]}"
    };
    for (String body : bodies) {
      assertEquals(MessageHashes.NONE, hasher.hash(parse(body)), body);
    }
    assertEquals(MessageHashes.NONE, hasher.hash(null), "null body");
  }

  @ParameterizedTest
  @EnumSource(HashMode.class)
  void nonObjectMessagesSkippedOnlyInCurrent(HashMode mode) {
    JsonObject body = parse("{\"messages\": [7, null, {\"role\": \"user\", \"content\": \"hi\"}]}");

    MessageHashes hashes = new MessageHasher(mode).hash(body);

    assertEquals(mode == HashMode.CURRENT, hashes.hasHash());
  }

  @ParameterizedTest
  @EnumSource(HashMode.class)
  void deeplyNestedToolInputHashed(HashMode mode) {
    JsonValue input = JSON.createValue("deep");
    for (int level = 0; level < 10_000; level++) {
      input = level % 2 == 0
          ? JSON.createArrayBuilder().add(input).build()
          : JSON.createObjectBuilder().add("k", input).build();
    }
    JsonObject body = JSON.createObjectBuilder().add("messages", JSON.createArrayBuilder()
        .add(JSON.createObjectBuilder().add("role", "assistant").add("content", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("type", "tool_use").add("id", "t").add("name", "n")
                .add("input", input)))))
        .build();

    assertNotNull(new MessageHasher(mode).hash(body).currentMessageHash());
  }

  @ParameterizedTest
  @EnumSource(HashMode.class)
  void deeplyNestedIdGivesNoHash(HashMode mode) {
    JsonValue id = JSON.createValue("deep");
    for (int level = 0; level < 10_000; level++) {
      id = JSON.createArrayBuilder().add(id).build();
    }
    JsonObject body = JSON.createObjectBuilder().add("messages", JSON.createArrayBuilder()
        .add(JSON.createObjectBuilder().add("role", "user").add("content", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("type", "tool_result").add("tool_use_id", id)))))
        .build();

    assertEquals(MessageHashes.NONE, new MessageHasher(mode).hash(body));
  }

  @ParameterizedTest
  @EnumSource(HashMode.class)
  void fiveMegabyteTextHashed(HashMode mode) {
    String text = "word ".repeat(FIVE_MB / 5) + "<system-reminder>x</system-reminder>" + " ".repeat(FIVE_MB);
    JsonObject body = JSON.createObjectBuilder()
        .add("system", text)
        .add("messages", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("role", "user").add("content", text))
            .add(JSON.createObjectBuilder().add("role", "assistant").add("content", JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("type", "text").add("text", text)))))
        .build();

    MessageHashes hashes = assertTimeoutPreemptively(TIME_LIMIT, () -> new MessageHasher(mode).hash(body));

    assertNotNull(hashes.currentMessageHash());
    assertNotNull(hashes.systemHash());
  }

  /** Whitespace runs and unclosed tags that would make a backtracking reminder pattern quadratic. */
  @ParameterizedTest
  @EnumSource(HashMode.class)
  void unclosedRemindersStayLinear(HashMode mode) {
    String text = (" ".repeat(1000) + "<system-reminder>").repeat(FIVE_MB / 1020);
    JsonObject body = JSON.createObjectBuilder().add("system", text)
        .add("messages", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("role", "user").add("content", text)))
        .build();

    MessageHashes hashes = assertTimeoutPreemptively(TIME_LIMIT, () -> new MessageHasher(mode).hash(body));

    assertNotNull(hashes.currentMessageHash());
  }

  /** Line-based system prompt patterns over millions of lines must not overflow the stack. */
  @ParameterizedTest
  @EnumSource(HashMode.class)
  void longGitBlocksInSystemPrompt(HashMode mode) {
    String lines = "M file.ts\n".repeat(FIVE_MB / 20);
    String system = "Intro.\nStatus:\n" + lines + "\nRecent commits:\n" + lines + "\nMain branch: main "
        + "x".repeat(FIVE_MB / 10) + "\ngitStatus: " + lines;

    MessageHasher hasher = new MessageHasher(mode);

    String hash = assertTimeoutPreemptively(TIME_LIMIT, () -> hasher.systemHash(JSON.createValue(system)));

    assertEquals(Sha256.hex("Intro."), hash);
  }
}
