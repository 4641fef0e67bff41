package dev.claudenexus.api.requests;

import static dev.claudenexus.api.ApiJson.JSON;

import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.changes.StorageChanges;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open {@code /api/requests/stream} connections of this war. While at least one is open, every
 * change that {@link StorageChanges} reports makes it look for new requests, and each one found is
 * sent to all connections as a {@code request} event; a {@code heartbeat} event every 15 seconds
 * keeps idle connections open through proxies that close silent ones.
 */
@ApplicationScoped
public class RequestEvents {

  static final long HEARTBEAT_INTERVAL_MS = 15_000;
  private static final Logger LOG = Logger.getLogger(RequestEvents.class.getName());

  @Inject StorageChanges changes;

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  /** Set while a look for new requests is queued, so a burst of changes queues only one. */
  private final AtomicBoolean lookQueued = new AtomicBoolean();
  private NewRequestPoller poller;
  private ScheduledFuture<?> heartbeats;
  private boolean listening;
  private boolean pollFailing;

  private record Subscriber(SseEventSink sink, Sse sse) {}

  /**
   * Returns the number of open connections. NOTE: a client that went away counts until the next
   * event or heartbeat fails to reach it, so up to 15 seconds.
   */
  public int connections() {
    return (int) subscribers.stream().filter(subscriber -> !subscriber.sink().isClosed()).count();
  }

  /** Sends the {@code connected} event and adds the connection to those that get new requests. */
  public synchronized void subscribe(SseEventSink sink, Sse sse) {
    Subscriber subscriber = new Subscriber(sink, sse);
    send(subscriber, "connected", JSON.createObjectBuilder()
        .add("time", Instant.now().toString())
        .add("heartbeatSeconds", HEARTBEAT_INTERVAL_MS / 1000)
        .build());
    subscribers.add(subscriber);
    if (heartbeats == null) {
      poller = new NewRequestPoller();
      heartbeats = ContainerResources.scheduledExecutor().scheduleAtFixedRate(this::heartbeat, HEARTBEAT_INTERVAL_MS,
          HEARTBEAT_INTERVAL_MS, TimeUnit.MILLISECONDS);
      queueLook();
      if (!listening) {
        listening = true;
        changes.addListener(this::queueLook);
      }
      LOG.fine("Started looking for new requests");
    }
  }

  private void queueLook() {
    if (!subscribers.isEmpty() && lookQueued.compareAndSet(false, true)) {
      ContainerResources.scheduledExecutor().execute(this::lookForNewRequests);
    }
  }

  private void lookForNewRequests() {
    lookQueued.set(false);
    List<JsonObject> events;
    synchronized (this) {
      if (poller == null) {
        return;
      }
      try {
        events = poller.poll();
        if (pollFailing) {
          LOG.info("Looking for new requests works again");
          pollFailing = false;
        }
      } catch (SQLException | RuntimeException e) {
        if (!pollFailing) {
          LOG.log(Level.WARNING, "Looking for new requests failed; trying again at the next change",
              e);
          pollFailing = true;
        }
        return;
      }
    }
    for (JsonObject event : events) {
      subscribers.forEach(subscriber -> send(subscriber, "request", event));
    }
    stopWhenIdle();
  }

  private void heartbeat() {
    JsonObject time = JSON.createObjectBuilder().add("time", Instant.now().toString()).build();
    subscribers.forEach(subscriber -> send(subscriber, "heartbeat", time));
    stopWhenIdle();
  }

  private void send(Subscriber subscriber, String name, JsonObject data) {
    if (subscriber.sink().isClosed()) {
      subscribers.remove(subscriber);
      return;
    }
    OutboundSseEvent event = subscriber.sse().newEventBuilder()
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, data.toString())
        .build();
    subscriber.sink().send(event).whenComplete((ignored, failure) -> {
      if (failure != null) {
        subscribers.remove(subscriber);
        subscriber.sink().close();
      }
    });
  }

  private synchronized void stopWhenIdle() {
    subscribers.removeIf(subscriber -> subscriber.sink().isClosed());
    if (subscribers.isEmpty() && heartbeats != null) {
      heartbeats.cancel(false);
      heartbeats = null;
      // The next stream starts from its own time, not from where this one stopped.
      poller = null;
      LOG.fine("Stopped looking for new requests: no stream is open");
    }
  }

  @PreDestroy
  synchronized void close() {
    if (heartbeats != null) {
      heartbeats.cancel(true);
    }
    subscribers.forEach(subscriber -> subscriber.sink().close());
    subscribers.clear();
  }
}
