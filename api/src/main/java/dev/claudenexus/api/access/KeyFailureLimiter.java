package dev.claudenexus.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * Slows down guessing of the dashboard key: each client may present {@code
 * DASHBOARD_KEY_FAILURE_LIMIT} wrong keys per minute, refilled evenly over the minute. Once they are
 * used up, every key the client presents gets 429, the right one too, until the allowance refills.
 * Sessions and single sign-on tokens are not affected. Clients are identified by address, with
 * {@code X-Forwarded-For} believed only from {@code TRUSTED_PROXIES}.
 */
public final class KeyFailureLimiter {

  /** Request attribute set once a request's wrong key was counted, so two checks count it once. */
  static final String COUNTED_ATTRIBUTE = "nexus.keyFailureCounted";
  private static final Logger LOG = Logger.getLogger(KeyFailureLimiter.class.getName());
  private static volatile KeyFailureLimiter current;

  private final ReadRateLimiter failures;
  private final AccessSettings settings;

  KeyFailureLimiter(AccessSettings settings, ReadRateLimiter failures) {
    this.settings = settings;
    this.failures = failures;
  }

  /** Returns the limiter of this application, made from {@link AccessSettings#current()} on first use. */
  public static KeyFailureLimiter current() {
    KeyFailureLimiter limiter = current;
    if (limiter == null) {
      AccessSettings settings = AccessSettings.current();
      limiter = new KeyFailureLimiter(settings, settings.keyFailuresPerMinute() > 0
          ? new ReadRateLimiter(settings.keyFailuresPerMinute(), System::nanoTime) : null);
      current = limiter;
    }
    return limiter;
  }

  /**
   * Returns how many seconds the client of {@code request} must wait before it may present a key,
   * or 0 when it may present one now. A request whose wrong key was already counted gets 0, so the
   * check that follows the first one reports the failure itself, not the limit.
   */
  public long waitSeconds(HttpServletRequest request) {
    if (failures == null || request.getAttribute(COUNTED_ATTRIBUTE) != null) {
      return 0;
    }
    ReadRateLimiter.Decision decision = failures.peek(client(request));
    return decision.allowed() ? 0 : decision.retryAfterSeconds();
  }

  /** Counts the wrong key that {@code request} presented, once per request. */
  public void countFailure(HttpServletRequest request) {
    if (failures == null || request.getAttribute(COUNTED_ATTRIBUTE) != null) {
      return;
    }
    request.setAttribute(COUNTED_ATTRIBUTE, Boolean.TRUE);
    String client = client(request);
    ReadRateLimiter.Decision decision = failures.acquire(client);
    if (decision.allowed() && decision.remaining() == 0) {
      LOG.warning(() -> "Client " + client + " used up its " + settings.keyFailuresPerMinute()
          + " wrong dashboard keys per minute; its keys get 429 until the allowance refills");
    }
  }

  /** Returns the 429 message for a client that must wait {@code seconds}. */
  public String message(long seconds) {
    return "Too many wrong dashboard keys from this address: the limit is "
        + settings.keyFailuresPerMinute() + " per minute (DASHBOARD_KEY_FAILURE_LIMIT). Retry after "
        + seconds + " s with the right key.";
  }

  private String client(HttpServletRequest request) {
    return ClientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
        settings.trustedProxies());
  }
}
