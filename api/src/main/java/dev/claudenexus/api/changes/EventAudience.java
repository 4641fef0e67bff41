package dev.claudenexus.api.changes;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.ContainerResources;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open connections of one Server-Sent Events endpoint, which all receive the same events. Each
 * connection gets a {@code connected} event first; while any is open, a {@code heartbeat} event
 * every 15 seconds keeps idle connections open through proxies that close silent ones. A connection
 * that the client closed, or whose send fails, leaves the audience.
 *
 * <p>The owner learns when the first connection arrives ({@code onStart}, to begin looking for
 * events) and when the last one has gone ({@code onIdle}, to stop).
 */
public final class EventAudience {

  static final long HEARTBEAT_INTERVAL_MS = 15_000;
  private static final Logger LOG = Logger.getLogger(EventAudience.class.getName());

  private final Runnable onStart;
  private final Runnable onIdle;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private ScheduledFuture<?> heartbeats;

  private record Subscriber(SseEventSink sink, Sse sse, StreamLimits.Lease lease) {}

  public EventAudience(Runnable onStart, Runnable onIdle) {
    this.onStart = onStart;
    this.onIdle = onIdle;
  }

  /**
   * Sends the {@code connected} event and adds the connection to the audience, which releases
   * {@code lease} when the connection leaves.
   */
  public void subscribe(SseEventSink sink, Sse sse, StreamLimits.Lease lease) {
    Subscriber subscriber = new Subscriber(sink, sse, lease);
    send(subscriber, "connected", JSON.createObjectBuilder()
        .add("time", Instant.now().toString())
        .add("heartbeatSeconds", HEARTBEAT_INTERVAL_MS / 1000)
        .build());
    boolean first;
    synchronized (this) {
      if (sink.isClosed()) {
        // The connected event failed: the connection is gone before it joined.
        lease.release();
        return;
      }
      subscribers.add(subscriber);
      first = heartbeats == null;
      if (first) {
        heartbeats = ContainerResources.scheduledExecutor().scheduleAtFixedRate(this::heartbeat,
            HEARTBEAT_INTERVAL_MS, HEARTBEAT_INTERVAL_MS, TimeUnit.MILLISECONDS);
      }
    }
    if (first) {
      onStart.run();
    }
  }

  /**
   * Returns the number of open connections. NOTE: a client that went away counts until an event or
   * heartbeat fails to reach it. The first write after the client left usually succeeds, so that
   * takes up to two heartbeats, 30 seconds.
   */
  public int connections() {
    return (int) subscribers.stream().filter(subscriber -> !subscriber.sink().isClosed()).count();
  }

  /** Returns whether no connection is open. */
  public boolean isEmpty() {
    return subscribers.isEmpty();
  }

  /** Sends an event with a JSON body to every open connection. */
  public void broadcast(String name, JsonObject data) {
    subscribers.forEach(subscriber -> send(subscriber, name, data));
  }

  private void heartbeat() {
    // An exception would end the periodic task for good, and gone clients would keep their places.
    try {
      broadcast("heartbeat", JSON.createObjectBuilder().add("time", Instant.now().toString()).build());
      stopWhenIdle();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sending the event stream heartbeat failed; it is sent again in "
          + HEARTBEAT_INTERVAL_MS / 1000 + " s", e);
    }
  }

  private void send(Subscriber subscriber, String name, JsonObject data) {
    if (subscriber.sink().isClosed()) {
      leave(subscriber);
      return;
    }
    OutboundSseEvent event = subscriber.sse().newEventBuilder()
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, data.toString())
        .build();
    try {
      // Jersey may complete the future normally with the write's exception as its value.
      subscriber.sink().send(event).whenComplete((result, failure) -> {
        if (failure != null || result instanceof Throwable) {
          drop(subscriber);
        }
      });
    } catch (RuntimeException e) {
      // Thrown when the sink was closed after the check above, or the write failed at once.
      drop(subscriber);
    }
  }

  private void drop(Subscriber subscriber) {
    leave(subscriber);
    subscriber.sink().close();
  }

  /** Stops the heartbeats and runs {@code onIdle} once the last connection has gone. */
  public void stopWhenIdle() {
    boolean stopped = false;
    synchronized (this) {
      subscribers.stream().filter(subscriber -> subscriber.sink().isClosed()).forEach(this::leave);
      if (subscribers.isEmpty() && heartbeats != null) {
        heartbeats.cancel(false);
        heartbeats = null;
        stopped = true;
      }
    }
    if (stopped) {
      onIdle.run();
    }
  }

  /** Closes every connection when the owner shuts down. */
  public synchronized void close() {
    if (heartbeats != null) {
      heartbeats.cancel(true);
      heartbeats = null;
    }
    subscribers.forEach(subscriber -> subscriber.sink().close());
    subscribers.forEach(this::leave);
  }

  private void leave(Subscriber subscriber) {
    subscribers.remove(subscriber);
    subscriber.lease().release();
  }
}
