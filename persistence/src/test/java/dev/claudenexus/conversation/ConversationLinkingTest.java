package dev.claudenexus.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hash chain of the conversation-linking fixtures: the parent hash of every multi-message child
 * equals the message hash of its parent request, in both modes. One-message children (a compaction
 * continuation and a sub-task) link by other means and are left out.
 */
class ConversationLinkingTest {

  private static final List<String> FILES = List.of("01-simple-start", "02-branching", "03-re-branching",
      "04-compact", "05-compact-follow-up", "06-compact-weird", "07-duplicated-tools", "08-weird-review",
      "09-general-linking", "10-general-linking", "11-proxy-linking");

  @TestFactory
  Stream<DynamicTest> childParentHashIsParentHash() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      JsonObject fixture = AcceptanceData.object("conversation-linking/" + file + ".json");
      JsonObject parent = fixture.getJsonObject("parent").getJsonObject("body");
      JsonObject child = fixture.getJsonObject("child").getJsonObject("body");
      if (child.getJsonArray("messages").size() < 2) {
        continue;
      }
      for (HashMode mode : HashMode.values()) {
        tests.add(DynamicTest.dynamicTest(file + " " + mode.label(), () -> checkChain(mode, parent, child)));
      }
    }
    assertEquals(18, tests.size(), "nine multi-message children in two modes");
    return tests.stream();
  }

  @Test
  void storedParentHashesReproduced() {
    MessageHasher hasher = new MessageHasher(HashMode.ORIGINAL);
    for (String file : FILES) {
      JsonObject parent = AcceptanceData.object("conversation-linking/" + file + ".json").getJsonObject("parent");

      assertEquals(parent.getString("current_message_hash"), hasher.hash(parent.getJsonObject("body"))
          .currentMessageHash(), file);
    }
  }

  private static void checkChain(HashMode mode, JsonObject parent, JsonObject child) {
    MessageHasher hasher = new MessageHasher(mode);
    String parentHash = hasher.hash(parent).currentMessageHash();

    assertNotNull(parentHash, "parent hash");
    assertEquals(parentHash, hasher.hash(child).parentMessageHash());
  }
}
