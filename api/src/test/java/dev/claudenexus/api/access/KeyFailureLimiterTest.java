package dev.claudenexus.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
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
      100, Set.of("10.0.0.1"), LIMIT, false);
  private final KeyFailureLimiter limiter =
      new KeyFailureLimiter(settings, new ReadRateLimiter(LIMIT, clock::get));

  /** Returns a request from {@code address}, with {@code X-Forwarded-For} when it is not null. */
  private static HttpServletRequest request(String address, String forwardedFor) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(KeyFailureLimiterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRemoteAddr" -> address;
          case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
          case "getAttribute" -> attributes.get((String) args[0]);
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void failuresUpToLimitPass() {
    for (int i = 0; i < LIMIT; i++) {
      HttpServletRequest request = request("192.0.2.1", null);
      assertThat(limiter.waitSeconds(request)).as("attempt %d", i).isZero();
      limiter.countFailure(request);
    }

    assertThat(limiter.waitSeconds(request("192.0.2.1", null))).isBetween(1L, 21L);
  }

  @Test
  void otherClientsKeepTheirAllowance() {
    for (int i = 0; i < LIMIT; i++) {
      limiter.countFailure(request("192.0.2.1", null));
    }

    assertThat(limiter.waitSeconds(request("192.0.2.2", null))).isZero();
  }

  @Test
  void requestCountsOnce() {
    HttpServletRequest request = request("192.0.2.1", null);
    for (int i = 0; i < LIMIT + 2; i++) {
      limiter.countFailure(request);
    }

    assertThat(limiter.waitSeconds(request)).isZero();
    assertThat(limiter.waitSeconds(request("192.0.2.1", null))).isZero();
  }

  @Test
  void lastFailureNotBlockedItself() {
    for (int i = 0; i < LIMIT - 1; i++) {
      limiter.countFailure(request("192.0.2.1", null));
    }
    HttpServletRequest last = request("192.0.2.1", null);
    limiter.countFailure(last);

    assertThat(limiter.waitSeconds(last)).isZero();
    assertThat(limiter.waitSeconds(request("192.0.2.1", null))).isPositive();
  }

  @Test
  void allowanceRefills() {
    for (int i = 0; i < LIMIT; i++) {
      limiter.countFailure(request("192.0.2.1", null));
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(20));

    assertThat(limiter.waitSeconds(request("192.0.2.1", null))).isZero();
  }

  @Test
  void trustedProxyNamesTheClient() {
    for (int i = 0; i < LIMIT; i++) {
      limiter.countFailure(request("10.0.0.1", "198.51.100.7"));
    }

    assertThat(limiter.waitSeconds(request("10.0.0.1", "198.51.100.7"))).isPositive();
    assertThat(limiter.waitSeconds(request("10.0.0.1", "198.51.100.8"))).isZero();
    assertThat(limiter.waitSeconds(request("192.0.2.9", "198.51.100.7"))).isZero();
  }

  @Test
  void zeroLimitTurnsItOff() {
    KeyFailureLimiter off = new KeyFailureLimiter(settings, null);
    for (int i = 0; i < 100; i++) {
      off.countFailure(request("192.0.2.1", null));
    }

    assertThat(off.waitSeconds(request("192.0.2.1", null))).isZero();
  }

  @Test
  void messageNamesTheSetting() {
    assertThat(limiter.message(7))
        .contains("DASHBOARD_KEY_FAILURE_LIMIT")
        .contains("3 per minute")
        .contains("7 s");
  }
}
