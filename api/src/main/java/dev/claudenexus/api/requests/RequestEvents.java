package dev.claudenexus.api.requests;

import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.analyses.AnalysisEvents;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open {@code /api/requests/stream} connections of this war. While at least one is open, every
 * change that {@link StorageChanges} reports makes it look for new requests, and each one found is
 * sent to all connections as a {@code request} event. The connections also get the {@code analysis}
 * events of {@link AnalysisEvents}, so a page needs one stream for both.
 */
@ApplicationScoped
public class RequestEvents {

  private static final Logger LOG = Logger.getLogger(RequestEvents.class.getName());

  @Inject StorageChanges changes;
  @Inject AnalysisEvents analyses;

  private final EventAudience audience = new EventAudience(this::start, this::stop);
  /** Set while a look for new requests is queued, so a burst of changes queues only one. */
  private final AtomicBoolean lookQueued = new AtomicBoolean();
  private NewRequestPoller poller;
  private boolean pollFailing;

  @PostConstruct
  void listen() {
    changes.addListener(this::queueLook);
    analyses.addAudience(audience);
  }

  /** Returns the number of open connections of this stream. */
  public int connections() {
    return audience.connections();
  }

  /** Sends the {@code connected} event and adds the connection to those that get new requests. */
  public void subscribe(SseEventSink sink, Sse sse, StreamLimits.Lease lease) {
    audience.subscribe(sink, sse, lease);
  }

  private synchronized void start() {
    // Each period with open streams starts from its own time, not from where the last one stopped.
    poller = new NewRequestPoller();
    analyses.audienceStarted();
    LOG.fine("Started looking for new requests");
    queueLook();
  }

  private synchronized void stop() {
    poller = null;
    analyses.audienceIdle();
    LOG.fine("Stopped looking for new requests: no stream is open");
  }

  private void queueLook() {
    if (!audience.isEmpty() && lookQueued.compareAndSet(false, true)) {
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
    events.forEach(event -> audience.broadcast("request", event));
    audience.stopWhenIdle();
  }

  @PreDestroy
  void close() {
    audience.close();
  }
}
