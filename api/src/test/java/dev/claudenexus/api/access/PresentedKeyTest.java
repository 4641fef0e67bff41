package dev.claudenexus.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresentedKeyTest {

  private static Optional<String> presented(Map<String, String> headers) {
    return PresentedKey.from(headers::get);
  }

  @Test
  void apiKeyHeaderComesFirst() {
    assertThat(presented(Map.of("X-API-Key", "a", "X-Dashboard-Key", "b", "Authorization", "Bearer c")))
        .contains("a");
  }

  @Test
  void dashboardKeyHeaderIsRead() {
    assertThat(presented(Map.of("X-Dashboard-Key", " b ", "Authorization", "Bearer c"))).contains("b");
  }

  @Test
  void bearerTokenIsRead() {
    assertThat(presented(Map.of("Authorization", "bearer c"))).contains("c");
  }

  @Test
  void otherSchemesAreIgnored() {
    assertThat(presented(Map.of("Authorization", "Basic YTpi"))).isEmpty();
    assertThat(presented(Map.of("Authorization", "Bearer   "))).isEmpty();
  }
}
