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

  /** A database that must not be asked: every query fails. */
  private final LinkLookup unreachable = new LinkLookup() {
    private LinkLookupException asked() {
      return new LinkLookupException("the database was asked", null);
    }

    @Override
    public java.util.Optional<LinkedRequest> latestWithHash(
        String domain, String hash, String systemHash, Instant before, UUID excluded) {
      throw asked();
    }

    @Override
    public boolean hasChild(
        String domain, String hash, UUID conversationId, Instant before, UUID excluded) {
      throw asked();
    }

    @Override
    public List<SummaryResponse> summaryResponses(String domain, Instant from, Instant before) {
      throw asked();
    }

    @Override
    public List<TaskInvocation> taskInvocations(
        String domain, String promptHash, Instant from, Instant to) {
      throw asked();
    }

    @Override
    public java.util.Optional<LinkedRequest> request(UUID requestId) {
      throw asked();
    }

    @Override
    public int maxSubtaskNumber(UUID conversationId, Instant before) {
      throw asked();
    }
  };

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
