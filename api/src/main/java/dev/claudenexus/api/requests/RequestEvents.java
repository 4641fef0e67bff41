package dev.claudenexus.api.requests;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The open {@code /api/requests/stream} connections of this war. While at least one is open, the
 * database is polled every second and each new request is sent to all of them as a
 * {@code request} event; a {@code heartbeat} event every 15 seconds keeps idle connections open
 * through proxies that close silent ones.
 */
@ApplicationScoped
public class RequestEvents {

  static final long POLL_INTERVAL_MS = 1000;
  static final long HEARTBEAT_INTERVAL_MS = 15_000;
  private static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
  private static final Logger LOG = Logger.getLogger(RequestEvents.class.getName());

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final NewRequestPoller poller = new NewRequestPoller();
  private ScheduledFuture<?> polling;
  private ScheduledFuture<?> heartbeats;
  private boolean pollFailing;

  private record Subscriber(SseEventSink sink, Sse sse) {}

  /** Sends the {@code connected} event and adds the connection to those that get new requests. */
  public synchronized void subscribe(SseEventSink sink, Sse sse) {
    Subscriber subscriber = new Subscriber(sink, sse);
    send(subscriber, "connected", Json.createObjectBuilder()
        .add("time", Instant.now().toString())
        .add("heartbeatSeconds", HEARTBEAT_INTERVAL_MS / 1000)
        .build());
    subscribers.add(subscriber);
    if (polling == null) {
      ManagedScheduledExecutorService executor = executor();
      polling = executor.scheduleWithFixedDelay(this::pollOnce, 0, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
      heartbeats = executor.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_INTERVAL_MS,
          HEARTBEAT_INTERVAL_MS, TimeUnit.MILLISECONDS);
      LOG.fine("Started polling for new requests");
    }
  }

  private void pollOnce() {
    List<JsonObject> events;
    try {
      events = poller.poll();
      if (pollFailing) {
        LOG.info("Polling for new requests works again");
        pollFailing = false;
      }
    } catch (SQLException | RuntimeException e) {
      if (!pollFailing) {
        LOG.log(Level.WARNING, "Polling for new requests failed; retrying every second", e);
        pollFailing = true;
      }
      return;
    }
    for (JsonObject event : events) {
      subscribers.forEach(subscriber -> send(subscriber, "request", event));
    }
    stopWhenIdle();
  }

  private void heartbeat() {
    JsonObject time = Json.createObjectBuilder().add("time", Instant.now().toString()).build();
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
    if (subscribers.isEmpty() && polling != null) {
      polling.cancel(false);
      heartbeats.cancel(false);
      polling = null;
      heartbeats = null;
      LOG.fine("Stopped polling for new requests: no stream is open");
    }
  }

  @PreDestroy
  synchronized void close() {
    if (polling != null) {
      polling.cancel(true);
      heartbeats.cancel(true);
    }
    subscribers.forEach(subscriber -> subscriber.sink().close());
    subscribers.clear();
  }

  private static ManagedScheduledExecutorService executor() {
    try {
      return (ManagedScheduledExecutorService) new InitialContext().lookup(EXECUTOR);
    } catch (NamingException e) {
      throw new IllegalStateException("The container's scheduled executor " + EXECUTOR
          + " is not available", e);
    }
  }
}
