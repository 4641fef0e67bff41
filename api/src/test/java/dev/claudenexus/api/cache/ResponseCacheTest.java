package dev.claudenexus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  private static final CacheSettings SETTINGS =
      new CacheSettings(Duration.ofSeconds(30), 1_000, 100);

  private static ResponseCache.CachedResponse json(String text) {
    return new ResponseCache.CachedResponse(text.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  @Test
  void storedResponseIsReturned() {
    ResponseCache cache = new ResponseCache(SETTINGS);

    assertThat(cache.put(cache.miss("stats"), json("{\"a\":1}"))).isTrue();

    assertThat(cache.get("stats")).hasValueSatisfying(
        cached -> assertThat(new String(cached.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
    assertThat(cache.get("other")).isEmpty();
  }

  @Test
  void invalidationDropsEverything() {
    ResponseCache cache = new ResponseCache(SETTINGS);
    cache.put(cache.miss("stats"), json("{}"));
    cache.put(cache.miss("domains"), json("[]"));

    cache.invalidate();

    assertThat(cache.get("stats")).isEmpty();
    assertThat(cache.get("domains")).isEmpty();
  }

  @Test
  void responseComputedAcrossAChangeIsNotKept() {
    ResponseCache cache = new ResponseCache(SETTINGS);
    ResponseCache.Ticket ticket = cache.miss("stats");

    cache.invalidate();

    assertThat(cache.put(ticket, json("{\"stale\":true}"))).isFalse();
    assertThat(cache.get("stats")).isEmpty();
  }

  @Test
  void oversizedResponseIsNotKept() {
    ResponseCache cache = new ResponseCache(SETTINGS);

    assertThat(cache.put(cache.miss("big"), json("x".repeat(101)))).isFalse();
    assertThat(cache.get("big")).isEmpty();
  }

  @Test
  void memoryBoundEvictsOlderResponses() {
    ResponseCache cache = new ResponseCache(SETTINGS);
    for (int i = 0; i < 50; i++) {
      cache.put(cache.miss("k" + i), json("y".repeat(90)));
    }

    long cachedCount = java.util.stream.IntStream.range(0, 50)
        .filter(i -> cache.get("k" + i).isPresent())
        .count();
    assertThat(cachedCount).isBetween(1L, 10L);
  }

  @Test
  void zeroTimeToLiveDisablesTheCache() {
    ResponseCache cache = new ResponseCache(new CacheSettings(Duration.ZERO, 1_000, 100));

    assertThat(cache.enabled()).isFalse();
  }
}
