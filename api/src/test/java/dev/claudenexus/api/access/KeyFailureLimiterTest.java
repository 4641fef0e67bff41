package dev.claudenexus.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.access.KeyFailureLimiter.Check;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyFailureLimiterTest {

  private static final int LIMIT = 3;

  private final AtomicLong clock = new AtomicLong();
  private final AccessSettings settings = new AccessSettings(Optional.of("k".repeat(32)), Set.of(),
      100, Set.of("10.0.0.1", "10.0.0.2"), LIMIT, false);
  private final KeyFailureLimiter limiter =
      new KeyFailureLimiter(settings, new ReadRateLimiter(LIMIT, clock::get));

  /** Returns a request from {@code address} with these {@code X-Forwarded-For} lines. */
  private static HttpServletRequest request(String address, String... forwardedFor) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(KeyFailureLimiterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRemoteAddr" -> address;
          case "getHeaders" -> Collections.enumeration(
              "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? List.of(forwardedFor) : List.of());
          case "getAttribute" -> attributes.get((String) args[0]);
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          case "removeAttribute" -> attributes.remove((String) args[0]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /** Sends {@code count} requests with a wrong header key from {@code address}. */
  private void failHeader(int count, String address, String... forwardedFor) {
    for (int i = 0; i < count; i++) {
      assertThat(limiter.attempt(request(address, forwardedFor), Check.HEADER))
          .as("wrong key %d", i).isZero();
    }
  }

  @Test
  void wrongKeysUpToLimitPass() {
    failHeader(LIMIT, "192.0.2.1");

    assertThat(limiter.attempt(request("192.0.2.1"), Check.HEADER)).isBetween(1L, 21L);
  }

  @Test
  void matchingKeyGivesAttemptBack() {
    for (int i = 0; i < 10; i++) {
      HttpServletRequest request = request("192.0.2.1");
      assertThat(limiter.attempt(request, Check.HEADER)).as("right key %d", i).isZero();
      limiter.matched(request, Check.HEADER);
    }

    failHeader(LIMIT, "192.0.2.1");
  }

  @Test
  void otherClientsKeepTheirAllowance() {
    failHeader(LIMIT, "192.0.2.1");

    assertThat(limiter.attempt(request("192.0.2.2"), Check.HEADER)).isZero();
  }

  @Test
  void secondHeaderCheckCountsNothing() {
    HttpServletRequest request = request("192.0.2.1");
    for (int i = 0; i < LIMIT + 2; i++) {
      assertThat(limiter.attempt(request, Check.HEADER)).isZero();
    }

    failHeader(LIMIT - 1, "192.0.2.1");
    assertThat(limiter.attempt(request("192.0.2.1"), Check.HEADER)).isPositive();
  }

  @Test
  void formKeyCountsApartFromHeader() {
    failHeader(LIMIT - 1, "192.0.2.1");
    HttpServletRequest both = request("192.0.2.1");

    assertThat(limiter.attempt(both, Check.HEADER)).isZero();
    assertThat(limiter.attempt(both, Check.FORM)).isPositive();
  }

  @Test
  void allowanceRefills() {
    failHeader(LIMIT, "192.0.2.1");
    clock.addAndGet(TimeUnit.SECONDS.toNanos(20));

    assertThat(limiter.attempt(request("192.0.2.1"), Check.HEADER)).isZero();
  }

  @Test
  void trustedProxyNamesTheClient() {
    failHeader(LIMIT, "10.0.0.1", "198.51.100.7");

    assertThat(limiter.attempt(request("10.0.0.1", "198.51.100.7"), Check.HEADER)).isPositive();
    assertThat(limiter.attempt(request("10.0.0.1", "198.51.100.8"), Check.HEADER)).isZero();
    assertThat(limiter.attempt(request("192.0.2.9", "198.51.100.7"), Check.HEADER)).isZero();
  }

  @Test
  void everyForwardedLineCounts() {
    // The client's own first line does not choose its bucket when a trusted proxy adds a line.
    failHeader(LIMIT, "10.0.0.2", "203.0.113.1", "198.51.100.7");

    assertThat(limiter.attempt(request("10.0.0.2", "203.0.113.99", "198.51.100.7"), Check.HEADER))
        .isPositive();
  }

  @Test
  void zeroLimitTurnsItOff() {
    KeyFailureLimiter off = new KeyFailureLimiter(settings, null);
    for (int i = 0; i < 100; i++) {
      assertThat(off.attempt(request("192.0.2.1"), Check.HEADER)).isZero();
    }
  }

  @Test
  void messageNamesTheSetting() {
    assertThat(limiter.message(7))
        .contains("DASHBOARD_KEY_FAILURE_LIMIT")
        .contains("3 per minute")
        .contains("7 s");
  }
}
