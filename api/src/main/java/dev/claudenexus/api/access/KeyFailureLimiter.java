package dev.claudenexus.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * Slows down guessing of the dashboard key: each client may present {@code
 * DASHBOARD_KEY_FAILURE_LIMIT} wrong keys per minute, refilled evenly over the minute. Once they are
 * used up, every key the client presents gets 429, the right one too, until the allowance refills.
 * Logged-in sessions and single sign-on tokens are not limited. Clients are identified by address, with
 * {@code X-Forwarded-For} believed only from {@code TRUSTED_PROXIES}.
 */
public final class KeyFailureLimiter {

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
   * Takes one attempt from the allowance of the client of {@code request} before a key check
   * compares its key, and returns 0, or, when none is left, how many seconds the client must wait.
   * Taking the attempt first keeps parallel requests from testing more keys than the allowance. A
   * request takes one attempt per {@code check}, so the realm and the API filter, which both check
   * the key header of one request, count it once, and the login form's key counts apart from it.
   * Call {@link #matched} when the key matches, which gives the attempt back.
   */
  public long attempt(HttpServletRequest request, Check check) {
    if (failures == null || request.getAttribute(check.attribute) != null) {
      return 0;
    }
    String client = client(request);
    ReadRateLimiter.Decision decision = failures.acquire(client);
    if (!decision.allowed()) {
      return decision.retryAfterSeconds();
    }
    request.setAttribute(check.attribute, client);
    if (decision.remaining() == 0) {
      LOG.warning(() -> "Client " + client + " used up its " + settings.keyFailuresPerMinute()
          + " dashboard key attempts per minute; its keys get 429 until the allowance refills");
    }
    return 0;
  }

  /** Gives back the attempt that {@code request} took for {@code check}, whose key matched. */
  public void matched(HttpServletRequest request, Check check) {
    if (failures != null && request.getAttribute(check.attribute) instanceof String client) {
      request.removeAttribute(check.attribute);
      failures.refund(client);
    }
  }

  /** The key checks that count apart within one request. */
  public enum Check {
    /** The key in a header: {@code X-Dashboard-Key}, {@code X-API-Key} or a bearer token. */
    HEADER("nexus.keyAttempt.header"),
    /** The key in the login form. */
    FORM("nexus.keyAttempt.form");

    private final String attribute;

    Check(String attribute) {
      this.attribute = attribute;
    }
  }

  /** Returns the 429 message for a client that must wait {@code seconds}. */
  public String message(long seconds) {
    return "Too many wrong dashboard keys from this address: the limit is "
        + settings.keyFailuresPerMinute() + " per minute (DASHBOARD_KEY_FAILURE_LIMIT). Retry after "
        + seconds + " s with the right key.";
  }

  private String client(HttpServletRequest request) {
    return ClientAddress.of(request, settings.trustedProxies());
  }
}
