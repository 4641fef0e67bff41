package dev.claudenexus.api.changes;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.ApiErrors;
import dev.claudenexus.api.access.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Bounds the open event streams of one application: {@value #MAX_OPEN} in all, so connections
 * cannot pile up without end, and in read-only mode, where a stream needs no credential,
 * {@value #MAX_PER_ANONYMOUS_CLIENT} per client address. A client is identified by its address, with
 * {@code X-Forwarded-For} believed only from {@code TRUSTED_PROXIES}. A stream counts from its
 * request until its connection leaves the audience: a client that went away counts until an event
 * or heartbeat fails to reach it, up to two heartbeats.
 */
public final class StreamLimits {

  static final int MAX_OPEN = 1_000;
  static final int MAX_PER_ANONYMOUS_CLIENT = 20;
  /** Seconds a rejected client is asked to wait: two heartbeats, after which gone clients have left. */
  static final long RETRY_AFTER_SECONDS = 30;
  private static final StreamLimits SHARED = new StreamLimits(MAX_OPEN, MAX_PER_ANONYMOUS_CLIENT);

  private final int maxOpen;
  private final int maxPerClient;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

  StreamLimits(int maxOpen, int maxPerClient) {
    this.maxOpen = maxOpen;
    this.maxPerClient = maxPerClient;
  }

  /** Returns the limits of this application's streams. */
  public static StreamLimits shared() {
    return SHARED;
  }

  /**
   * Counts a new stream of {@code request}, which the caller must release when its connection
   * leaves.
   *
   * @throws WebApplicationException with 503 when every stream of the application is taken, or 429
   *     when an anonymous client already has its streams open
   */
  private Lease open(HttpServletRequest request) {
    AccessSettings settings = AccessSettings.current();
    String client = !settings.readOnly() || request == null ? null
        : ClientAddress.of(request, settings.trustedProxies());
    try {
      return open(client);
    } catch (LimitReached limitReached) {
      throw new WebApplicationException(Response.fromResponse(
              ApiErrors.coded(limitReached.status, "too_many_streams", limitReached.getMessage()))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build());
    }
  }

  /**
   * Counts a new stream of {@code request} and passes its lease to {@code subscribe}, which hands
   * it to the stream's audience. The lease is released when {@code subscribe} fails.
   *
   * @throws WebApplicationException as {@link #open(HttpServletRequest)} does
   */
  public void subscribe(HttpServletRequest request, Consumer<Lease> subscribe) {
    Lease lease = open(request);
    try {
      subscribe.accept(lease);
    } catch (RuntimeException e) {
      lease.release();
      throw e;
    }
  }

  /**
   * Counts a new stream of {@code client}, or of an authenticated caller when it is null.
   *
   * @throws LimitReached when a limit is reached
   */
  Lease open(String client) {
    if (open.incrementAndGet() > maxOpen) {
      open.decrementAndGet();
      throw new LimitReached(503, "The server has " + maxOpen + " event streams open, its limit."
          + " Close streams you no longer need, or retry after " + RETRY_AFTER_SECONDS + " s.");
    }
    if (client != null) {
      AtomicBoolean admitted = new AtomicBoolean();
      perClient.compute(client, (key, count) -> {
        int current = count == null ? 0 : count;
        admitted.set(current < maxPerClient);
        return admitted.get() ? current + 1 : count;
      });
      if (!admitted.get()) {
        open.decrementAndGet();
        throw new LimitReached(429, "This address has " + maxPerClient + " event streams open,"
            + " the limit without a dashboard key. Close streams you no longer need, or retry after "
            + RETRY_AFTER_SECONDS + " s.");
      }
    }
    return new Lease(client);
  }

  /** Returns the number of open streams. */
  int openStreams() {
    return open.get();
  }

  /** The rejection of a new stream by a limit, with its HTTP status. */
  static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    LimitReached(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** One open stream; {@link #release} ends its count once, however often it is called. */
  public final class Lease {
    private final String client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(String client) {
      this.client = client;
    }

    /** Ends the stream's count. */
    public void release() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      open.decrementAndGet();
      if (client != null) {
        perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
      }
    }
  }
}
