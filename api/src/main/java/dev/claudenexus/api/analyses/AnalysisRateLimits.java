package dev.claudenexus.api.analyses;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.api.access.ReadRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Per-domain limits of the analysis endpoints: {@code AI_ANALYSIS_RATE_LIMIT_CREATION} requests and
 * regenerations, and {@code AI_ANALYSIS_RATE_LIMIT_RETRIEVAL} reads, per minute and domain (the
 * {@code Host} the client used). Over the limit the response is 429 with {@code Retry-After}, in the
 * original's {@code rate_limit_error} shape.
 */
@ApplicationScoped
public class AnalysisRateLimits {

  private volatile ReadRateLimiter creation;
  private volatile ReadRateLimiter retrieval;
  private volatile boolean initialised;

  /** Takes one request from the domain's creation allowance, or throws the 429 response. */
  public void acquireCreation(String domain) {
    init();
    acquire(creation, domain, "analysis requests");
  }

  /** Takes one request from the domain's retrieval allowance, or throws the 429 response. */
  public void acquireRetrieval(String domain) {
    init();
    acquire(retrieval, domain, "analysis reads");
  }

  /** Returns the domain a request counts against: its {@code Host}, in lower case. */
  public static String domainOf(String host) {
    return host == null || host.isBlank() ? "unknown" : host.strip().toLowerCase(Locale.ROOT);
  }

  private synchronized void init() {
    if (initialised) {
      return;
    }
    AnalysisSettings settings = AnalysisSettings.current();
    creation = settings.creationPerMinute() > 0
        ? new ReadRateLimiter(settings.creationPerMinute(), System::nanoTime) : null;
    retrieval = settings.retrievalPerMinute() > 0
        ? new ReadRateLimiter(settings.retrievalPerMinute(), System::nanoTime) : null;
    initialised = true;
  }

  private static void acquire(ReadRateLimiter limiter, String domain, String what) {
    if (limiter == null) {
      return;
    }
    ReadRateLimiter.Decision decision = limiter.acquire(domain);
    if (decision.allowed()) {
      return;
    }
    String message = "Too many " + what + " for " + domain + ": the limit is " + decision.limit()
        + " per minute. Retry after " + decision.retryAfterSeconds() + " s.";
    String body = JSON.createObjectBuilder()
        .add("error", JSON.createObjectBuilder()
            .add("type", "rate_limit_error")
            .add("message", message)
            .add("retry_after", decision.retryAfterSeconds()))
        .build().toString();
    throw new WebApplicationException(Response.status(429)
        .type(MediaType.APPLICATION_JSON)
        .header("Retry-After", decision.retryAfterSeconds())
        .header("X-RateLimit-Limit", decision.limit())
        .header("X-RateLimit-Remaining", 0)
        .entity(body)
        .build());
  }
}
