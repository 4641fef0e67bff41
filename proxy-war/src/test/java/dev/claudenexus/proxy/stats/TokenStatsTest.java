package dev.claudenexus.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TokenStatsTest {

  @Test
  void countsPerDomain() {
    TokenStats stats = new TokenStats();

    stats.add("a.example.com", "inference", 10, 5, 1);
    stats.add("a.example.com", "query_evaluation", 3, 2, 0);

    TokenStats.DomainSnapshot snapshot = stats.snapshot("a.example.com");
    assertEquals(13, snapshot.inputTokens());
    assertEquals(7, snapshot.outputTokens());
    assertEquals(2, snapshot.requestCount());
    assertEquals(1, snapshot.inferenceCount());
    assertEquals(1, snapshot.queryEvaluationCount());
    assertEquals(1, snapshot.toolCallCount());
  }

  @Test
  void domainCountIsBounded() {
    TokenStats stats = new TokenStats();
    for (int i = 0; i < TokenStats.MAX_DOMAINS + 10; i++) {
      stats.add("host" + i + ".example.com", "inference", 1, 1, 0);
    }

    stats.add("host0.example.com", "inference", 1, 1, 0);

    assertEquals(TokenStats.MAX_DOMAINS, stats.snapshots().size());
    assertEquals(2, stats.snapshot("host0.example.com").requestCount());
    assertNull(stats.snapshot("host" + TokenStats.MAX_DOMAINS + ".example.com"));
  }
}
