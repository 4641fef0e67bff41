package dev.claudenexus.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonNestingTest {

  private static boolean exceeds(String json, int max) {
    return JsonNesting.exceeds(json.getBytes(StandardCharsets.UTF_8), max);
  }

  @Test
  void depthAtLimitPasses() {
    assertThat(exceeds("{\"a\":[[1],{\"b\":[]}]}", 4)).isFalse();
    assertThat(exceeds("{\"a\":[[1],{\"b\":[]}]}", 3)).isTrue();
  }

  @Test
  void bracketsInStringsDoNotCount() {
    assertThat(exceeds("{\"text\":\"[[[[{{{{\\\"[[[\"}", 1)).isFalse();
  }

  @Test
  void thousandsOfBracketsExceed() {
    assertThat(exceeds("[".repeat(5_000) + "]".repeat(5_000), JsonNesting.MAX_DEPTH)).isTrue();
  }
}
