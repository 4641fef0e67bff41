package dev.claudenexus.api.requests;

import dev.claudenexus.api.changes.StreamLimits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/requests/stream}: Server-Sent Events. A {@code connected} event first, then a
 * {@code request} event (JSON) for each newly stored request, an {@code analysis} event
 * {@code {id, conversationId, branchId, status, updatedAt}} for each change of an analysis's status,
 * and a {@code heartbeat} event every 15 seconds.
 */
@Path("requests/stream")
@RequestScoped
public class RequestStreamResource {

  @Inject RequestEvents events;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Context SseEventSink sink, @Context Sse sse,
      @Context HttpServletRequest request) {
    StreamLimits.shared().subscribe(request, lease -> events.subscribe(sink, sse, lease));
  }
}
