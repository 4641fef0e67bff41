package dev.claudenexus.bench;

import dev.claudenexus.storage.RequestRecord;
import dev.claudenexus.usage.TokenUsage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Requests of concurrent Claude Code-like sessions with 50 KB bodies: each session has 10 turns, and
 * the turns of all sessions arrive interleaved, as from a team working at the same time.
 */
final class LargeSessions {

  static final int TURNS = 10;
  private static final int PAD_CHARACTERS = 48_000;
  private static final String[] WORDS = {"request", "stream", "branch", "hash", "writer", "batch",
      "domain", "token", "cache", "response", "event", "journal", "conversation", "linker"};

  private LargeSessions() {}

  /** Returns {@code count} records; their domains start with {@code marker}. */
  static List<RequestRecord> records(int count, String marker) {
    int sessions = Math.max(1, (count + TURNS - 1) / TURNS);
    List<String> pads = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      pads.add(pad(new Random(s * 31L + marker.hashCode())));
    }
    OffsetDateTime clock = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    List<RequestRecord> records = new ArrayList<>(count);
    for (int turn = 0; turn < TURNS && records.size() < count; turn++) {
      for (int s = 0; s < sessions && records.size() < count; s++) {
        clock = clock.plusNanos(200_000);
        records.add(record(marker + "-" + (s % 5) + ".example.com", clock, s, turn, pads.get(s)));
      }
    }
    return records;
  }

  private static RequestRecord record(String domain, OffsetDateTime time, int session, int turn,
      String pad) {
    JsonArrayBuilder messages = Json.createArrayBuilder();
    messages.add(Json.createObjectBuilder().add("role", "user")
        .add("content", "Session " + session + ": " + pad));
    for (int i = 1; i <= turn; i++) {
      messages.add(Json.createObjectBuilder().add("role", "assistant").add("content", "Step " + i));
      messages.add(Json.createObjectBuilder().add("role", "user").add("content", "Continue " + i));
    }
    String body = Json.createObjectBuilder().add("model", "claude-sonnet-4-5").add("max_tokens", 4096)
        .add("system", "You are Claude Code, the benchmark's coding agent.").add("messages", messages)
        .build().toString();
    String response = "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Step "
        + (turn + 1) + "\"}]}";
    return new RequestRecord(UUID.randomUUID(), domain, time, "POST", "/v1/messages", "beta=true",
        "{\"x-claude-code-session-id\":\"bench-" + session + "\"}", body, null, null,
        "claude-sonnet-4-5", "inference", 2 * turn + 1, 200, "{}", response, true,
        new TokenUsage(1000, 20, 0, 0, 0, 0), null, null, 100, 200, "complete", null, null, 0, 1,
        List.of());
  }

  private static String pad(Random random) {
    StringBuilder text = new StringBuilder(PAD_CHARACTERS + 20);
    while (text.length() < PAD_CHARACTERS) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.toString();
  }
}
