package dev.claudenexus.conversation;

import static dev.claudenexus.conversation.HashVectorsTest.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request body of the linking fixtures and recorded requests in {@link HashMode#ORIGINAL} mode,
 * against the original proxy's hashes listed in {@code fixture-hashes.json}.
 */
class FixtureHashesTest {

  private static final MessageHasher HASHER = new MessageHasher(HashMode.ORIGINAL);

  @TestFactory
  Stream<DynamicTest> fixtureBodiesMatchOriginalHashes() {
    JsonObject fixtures = AcceptanceData.object("fixture-hashes.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : fixtures.keySet()) {
      JsonObject bodies = fixtures.getJsonObject(file);
      for (String bodyPath : bodies.keySet()) {
        tests.add(DynamicTest.dynamicTest(file + " " + bodyPath,
            () -> check(file, bodyPath, bodies.getJsonObject(bodyPath))));
      }
    }
    assertEquals(36, tests.size(), "bodies listed");
    return tests.stream();
  }

  private static void check(String file, String bodyPath, JsonObject expected) {
    JsonObject body = bodyAt(AcceptanceData.object(file), bodyPath);
    MessageHashes hashes = HASHER.hash(body);

    assertAll(
        () -> assertEquals(text(expected, "currentMessageHash"), hashes.currentMessageHash(), "current"),
        () -> assertEquals(text(expected, "parentMessageHash"), hashes.parentMessageHash(), "parent"),
        () -> assertEquals(text(expected, "systemHash"), hashes.systemHash(), "system"),
        () -> assertEquals(expected.getInt("messageCount"), HASHER.countedMessages(body).size(), "count"));
  }

  /** Follows a dotted path such as {@code parent.body}. */
  static JsonObject bodyAt(JsonObject document, String dottedPath) {
    JsonObject current = document;
    for (String key : dottedPath.split("\\.")) {
      current = current.getJsonObject(key);
    }
    return current;
  }
}
