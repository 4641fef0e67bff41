package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyOptionsTest {

  private static final String ID = "123e4567-e89b-12d3-a456-426614174000";
  private static final String URL = "postgresql://nexus:hunter2-secret@127.0.0.1:5432/copy";

  private static CopyOptions parse(String... args) {
    return CopyOptions.parse(args, 0);
  }

  private static String rejection(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
  }

  @Test
  void optionsAndFlagsAreParsed() {
    CopyOptions options = parse("--conversation-id", ID, "--dest-db", URL, "--dry-run",
        "--include-chunks");

    assertEquals(UUID.fromString(ID), options.conversationId());
    assertEquals(URL, options.destination());
    assertTrue(options.dryRun());
    assertTrue(options.includeChunks());
  }

  @Test
  void equalsSignFormIsAccepted() {
    CopyOptions options = parse("--conversation-id=" + ID.toUpperCase(), "--dest-db=" + URL);

    assertEquals(UUID.fromString(ID), options.conversationId());
    assertFalse(options.dryRun());
    assertFalse(options.includeChunks());
  }

  @Test
  void missingConversationIdIsRejected() {
    assertTrue(rejection("--dest-db", URL).contains("--conversation-id is required"));
  }

  @Test
  void missingDestinationIsRejected() {
    assertTrue(rejection("--conversation-id", ID).contains("--dest-db is required"));
  }

  @Test
  void optionWithoutValueIsRejected() {
    String message = rejection("--conversation-id", ID, "--dest-db", "--dry-run");

    assertTrue(message.contains("--dest-db needs a value"), message);
  }

  @Test
  void unknownOptionIsRejected() {
    String message = rejection("--conversation-id", ID, "--dest-db", URL, "--source-table", "x");

    assertTrue(message.contains("unknown option --source-table"), message);
  }

  @Test
  void unknownOptionWithValueHidesPassword() {
    String message = rejection("--conversation-id", ID, "--dest=" + URL);

    assertTrue(message.contains("unknown option --dest;"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void strayUrlHidesPassword() {
    String message = rejection("--conversation-id", ID, URL);

    assertTrue(message.contains("unexpected argument"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void repeatedOptionIsRejected() {
    String message = rejection("--conversation-id", ID, "--conversation-id", ID, "--dest-db", URL);

    assertTrue(message.contains("--conversation-id is given twice"), message);
  }

  @Test
  void flagWithValueIsRejected() {
    String message = rejection("--conversation-id", ID, "--dest-db", URL, "--dry-run=yes");

    assertTrue(message.contains("--dry-run takes no value"), message);
  }

  @Test
  void malformedConversationIdIsRejected() {
    for (String id : new String[] {"abc", "123e4567-e89b-12d3-a456", "1-1-1-1-1",
        ID + "0", "'; DROP TABLE api_requests; --"}) {
      String message = rejection("--conversation-id", id, "--dest-db", URL);

      assertTrue(message.contains("--conversation-id must be a UUID"), message);
    }
  }

  @Test
  void oversizedConversationIdIsShortened() {
    String message = rejection("--conversation-id", "x".repeat(1_000_000), "--dest-db", URL);

    assertTrue(message.contains("(1000000 characters)"), message);
    assertTrue(message.length() < 400, "message of " + message.length() + " characters");
  }

  @Test
  void controlCharactersAreNotEchoed() {
    String message = rejection("--conversation-id", "abc\u001b[2J\r\n", "--dest-db", URL);

    assertFalse(message.chars().anyMatch(Character::isISOControl), message);
  }
}
