package dev.claudenexus.conversation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hash vector in {@link HashMode#ORIGINAL} mode: the line's {@code body} is parsed as production
 * parses a request, and the three hashes must equal those of the original proxy. Vectors marked
 * {@code expectedError} must give no hash.
 */
class HashVectorsTest {

  private static final MessageHasher HASHER = new MessageHasher(HashMode.ORIGINAL);

  @TestFactory
  Stream<DynamicTest> vectorsMatchOriginalHashes() {
    return AcceptanceData.lines("hash-vectors.jsonl").stream().map(AcceptanceData::parse)
        .map(vector -> DynamicTest.dynamicTest(vector.getString("id"), () -> check(vector)));
  }

  @Test
  void allVectorsPresent() {
    List<String> lines = AcceptanceData.lines("hash-vectors.jsonl");

    assertEquals(257, lines.size());
  }

  private static void check(JsonObject vector) {
    MessageHashes hashes = HASHER.hash(vector.getJsonObject("body"));
    if (vector.getBoolean("expectedError", false)) {
      assertEquals(MessageHashes.NONE, hashes, vector.getString("errorDetail"));
      return;
    }
    JsonObject expected = vector.getJsonObject("expected");
    assertAll(
        () -> assertEquals(text(expected, "currentMessageHash"), hashes.currentMessageHash(), "current"),
        () -> assertEquals(text(expected, "parentMessageHash"), hashes.parentMessageHash(), "parent"),
        () -> assertEquals(text(expected, "systemHash"), hashes.systemHash(), "system"));
  }

  static String text(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonString string ? string.getString() : null;
  }
}
