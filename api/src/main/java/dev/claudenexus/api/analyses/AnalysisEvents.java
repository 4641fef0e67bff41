package dev.claudenexus.api.analyses;

import dev.claudenexus.analysis.AnalysisChange;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.changes.StorageChanges;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open {@code /api/analyses/stream} connections of this war. Each change that {@link
 * StorageChanges} reports (a PostgreSQL notice, or H2's watch of the analysis rows) makes it read the
 * rows updated since the last look and send an {@code analysis} event per change to every
 * connection; a {@code heartbeat} every 15 seconds keeps idle connections open.
 */
@ApplicationScoped
public class AnalysisEvents {

  static final long HEARTBEAT_INTERVAL_MS = 15_000;
  /**
   * How far back each look reads again. PostgreSQL's {@code now()} is the start of the writing
   * transaction, so a row can commit with an {@code updated_at} before the last look's newest one.
   */
  static final long LOOKBACK_MS = 10_000;
  private static final int MAX_ROWS_PER_LOOK = 500;
  private static final int MAX_REMEMBERED = 5000;
  private static final Logger LOG = Logger.getLogger(AnalysisEvents.class.getName());

  @Inject StorageChanges changes;
  @Inject AnalysisStore store;

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean lookQueued = new AtomicBoolean();
  /** Changes already sent, as {@code id@updatedAt}, so a look that reads back sends each once. */
  private final Set<String> sent = new LinkedHashSet<>();
  private OffsetDateTime watermark;
  private ScheduledFuture<?> heartbeats;
  private boolean listening;
  private boolean lookFailing;

  private record Subscriber(SseEventSink sink, Sse sse) {}

  /**
   * Returns the number of open connections. NOTE: a client that went away counts until the next
   * event or heartbeat fails to reach it, so up to 15 seconds.
   */
  public int connections() {
    return (int) subscribers.stream().filter(subscriber -> !subscriber.sink().isClosed()).count();
  }

  /** Sends {@code connected} and adds the connection to those that get analysis events. */
  public synchronized void subscribe(SseEventSink sink, Sse sse) {
    Subscriber subscriber = new Subscriber(sink, sse);
    send(subscriber, "connected", Json.createObjectBuilder()
        .add("time", Instant.now().toString())
        .add("heartbeatSeconds", HEARTBEAT_INTERVAL_MS / 1000)
        .build());
    subscribers.add(subscriber);
    if (heartbeats == null) {
      watermark = OffsetDateTime.now(ZoneOffset.UTC);
      sent.clear();
      heartbeats = ContainerResources.scheduledExecutor().scheduleAtFixedRate(this::heartbeat,
          HEARTBEAT_INTERVAL_MS, HEARTBEAT_INTERVAL_MS, TimeUnit.MILLISECONDS);
      if (!listening) {
        listening = true;
        changes.addListener(this::queueLook);
      }
    }
  }

  private void queueLook() {
    if (!subscribers.isEmpty() && lookQueued.compareAndSet(false, true)) {
      ContainerResources.scheduledExecutor().execute(this::look);
    }
  }

  private void look() {
    lookQueued.set(false);
    List<JsonObject> events = new java.util.ArrayList<>();
    synchronized (this) {
      if (heartbeats == null) {
        return;
      }
      List<AnalysisChange> changed;
      try {
        changed = store.changedSince(watermark.minusNanos(LOOKBACK_MS * 1_000_000), MAX_ROWS_PER_LOOK);
        lookFailing = false;
      } catch (SQLException | RuntimeException e) {
        if (!lookFailing) {
          LOG.log(Level.WARNING, "Reading analysis changes failed; trying again at the next change", e);
          lookFailing = true;
        }
        return;
      }
      for (AnalysisChange change : changed) {
        if (change.updatedAt().isAfter(watermark)) {
          watermark = change.updatedAt();
        }
        if (sent.add(change.id() + "@" + change.updatedAt().toInstant())) {
          events.add(toJson(change));
        }
      }
      while (sent.size() > MAX_REMEMBERED) {
        sent.remove(sent.iterator().next());
      }
    }
    for (JsonObject event : events) {
      subscribers.forEach(subscriber -> send(subscriber, "analysis", event));
    }
  }

  static JsonObject toJson(AnalysisChange change) {
    return Json.createObjectBuilder()
        .add("id", change.id())
        .add("conversationId", change.conversationId().toString())
        .add("branchId", change.branchId())
        .add("status", change.status().value())
        .add("updatedAt", change.updatedAt().toInstant().toString())
        .build();
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
    if (subscribers.isEmpty() && heartbeats != null) {
      heartbeats.cancel(false);
      heartbeats = null;
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
