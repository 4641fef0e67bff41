package dev.claudenexus.api.analyses;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.analysis.AnalysisChange;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.changes.EventAudience;
import dev.claudenexus.api.changes.StorageChanges;
import dev.claudenexus.api.changes.StreamLimits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Analysis status changes for Server-Sent Events: the connections of {@code /api/analyses/stream}
 * and those of other streams that carry them too ({@code /api/requests/stream}). While any of them
 * is open, each change that {@link StorageChanges} reports (a PostgreSQL notice, or H2's watch of the
 * analysis rows) makes it read the rows updated since the last look and send an {@code analysis}
 * event per change to every connection.
 */
@ApplicationScoped
public class AnalysisEvents {

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

  private final EventAudience own = new EventAudience(this::audienceStarted, this::audienceIdle);
  private final List<EventAudience> audiences = new CopyOnWriteArrayList<>(List.of(own));
  private final AtomicBoolean lookQueued = new AtomicBoolean();
  /** Changes already sent, as {@code id@updatedAt}, so a look that reads back sends each once. */
  private final Set<String> sent = new LinkedHashSet<>();
  private int startedAudiences;
  private OffsetDateTime watermark;
  private boolean lookFailing;

  @PostConstruct
  void listen() {
    changes.addListener(this::queueLook);
  }

  /** Returns the number of open connections of this stream. */
  public int connections() {
    return own.connections();
  }

  /** Sends {@code connected} and adds the connection to those that get analysis events. */
  public void subscribe(SseEventSink sink, Sse sse, StreamLimits.Lease lease) {
    own.subscribe(sink, sse, lease);
  }

  /**
   * Sends the analysis events to another stream's connections as well. That stream's owner calls
   * {@link #audienceStarted} and {@link #audienceIdle} as its first connection arrives and its last
   * one goes.
   */
  public void addAudience(EventAudience audience) {
    audiences.add(audience);
  }

  /** Records that an audience got its first connection. Looks start from now if no audience was open. */
  public synchronized void audienceStarted() {
    if (startedAudiences++ == 0) {
      watermark = OffsetDateTime.now(ZoneOffset.UTC);
      sent.clear();
    }
  }

  /** Records that an audience's last connection has gone. */
  public synchronized void audienceIdle() {
    startedAudiences = Math.max(0, startedAudiences - 1);
  }

  private void queueLook() {
    if (audiences.stream().anyMatch(audience -> !audience.isEmpty())
        && lookQueued.compareAndSet(false, true)) {
      ContainerResources.scheduledExecutor().execute(this::look);
    }
  }

  private void look() {
    lookQueued.set(false);
    List<JsonObject> events = new ArrayList<>();
    synchronized (this) {
      if (startedAudiences == 0) {
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
      audiences.forEach(audience -> audience.broadcast("analysis", event));
    }
  }

  static JsonObject toJson(AnalysisChange change) {
    return JSON.createObjectBuilder()
        .add("id", change.id())
        .add("conversationId", change.conversationId().toString())
        .add("branchId", change.branchId())
        .add("status", change.status().value())
        .add("updatedAt", change.updatedAt().toInstant().toString())
        .build();
  }

  @PreDestroy
  void close() {
    own.close();
  }
}
