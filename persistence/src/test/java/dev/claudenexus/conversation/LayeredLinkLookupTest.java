package dev.claudenexus.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LayeredLinkLookupTest {

  private static final String DOMAIN = "team.example.com";
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final LinkLookup unreachable = new FailingLinkLookup();

  private RecentLinks memoryWith(String hash) {
    RecentLinks memory = new RecentLinks(10);
    LinkedRequest request = new LinkedRequest(UUID.randomUUID(), DOMAIN, T0, UUID.randomUUID(),
        "main", hash, null, null, false, null);
    memory.remember(request, ConversationLink.start(request.conversationId(), MessageHashes.NONE,
        HashMode.CURRENT), List.of(), null);
    return memory;
  }

  @Test
  void timeOrderedLinkingTrustsMemoryHit() {
    LayeredLinkLookup lookup = new LayeredLinkLookup(memoryWith("h"), unreachable, true);

    assertThat(lookup.latestWithHash(DOMAIN, "h", null, T0.plusSeconds(1), null)).isPresent();
  }

  @Test
  void writerAsksDatabaseEvenAfterMemoryHit() {
    LayeredLinkLookup lookup = new LayeredLinkLookup(memoryWith("h"), unreachable);

    assertThatThrownBy(() -> lookup.latestWithHash(DOMAIN, "h", null, T0.plusSeconds(1), null))
        .isInstanceOf(LinkLookupException.class);
  }
}
