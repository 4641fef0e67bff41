package dev.claudenexus.api.requests;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.ApiFlavor;
import dev.claudenexus.api.audit.Audited;
import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.audit.AuditAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/requests} and {@code GET /api/requests/{id}}. The proxy's port returns
 * {@code {requests, pagination, nextCursor}}, the dashboard's port
 * {@code {status, requests, count, next_cursor}}. Pass the returned cursor as {@code cursor} for the
 * next page; {@code offset} is kept for the original's scripts.
 */
@Path("requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  static final int DEFAULT_LIMIT = 100;

  @Inject ApiFlavor flavor;

  @GET
  @CachedRead
  public JsonObject list(@QueryParam("domain") String domain, @QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("cursor") String cursor) throws SQLException {
    PageParameters page = PageParameters.parse(limit, offset, cursor, DEFAULT_LIMIT);
    boolean proxy = flavor == ApiFlavor.PROXY;
    RequestQueries.Page result = RequestQueries.list(blankToNull(domain), page, true, proxy);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (RequestRow row : result.rows()) {
      items.add(proxy ? RequestJson.proxyItem(row) : RequestJson.dashboardItem(row));
    }
    Optional<String> next = result.next().map(RequestCursor::encode);
    if (proxy) {
      JsonObjectBuilder pagination = JSON.createObjectBuilder()
          .add("total", result.total())
          .add("limit", page.limit())
          .add("offset", page.offset())
          .add("hasMore", next.isPresent());
      JsonObjectBuilder body = JSON.createObjectBuilder().add("requests", items).add("pagination", pagination);
      next.ifPresentOrElse(value -> body.add("nextCursor", value), () -> body.addNull("nextCursor"));
      return body.build();
    }
    JsonObjectBuilder body = JSON.createObjectBuilder()
        .add("status", "ok")
        .add("requests", items)
        .add("count", result.rows().size());
    next.ifPresentOrElse(value -> body.add("next_cursor", value), () -> body.addNull("next_cursor"));
    return body.build();
  }

  @GET
  @CachedRead
  @Path("{id}")
  @Audited(value = AuditAction.REQUEST_VIEW, target = "id")
  public Response detail(@PathParam("id") String id) throws SQLException {
    UUID requestId = PageParameters.requestId(id);
    Optional<RequestRow> row = RequestQueries.find(requestId);
    if (row.isEmpty()) {
      return Response.status(404)
          .entity(JSON.createObjectBuilder().add("error", "Request not found").build())
          .build();
    }
    List<RequestQueries.Chunk> chunks = RequestQueries.chunks(requestId);
    if (flavor == ApiFlavor.PROXY) {
      return Response.ok(RequestJson.proxyDetail(row.get(), chunks).build()).build();
    }
    JsonObject body = JSON.createObjectBuilder()
        .add("status", "ok")
        .add("request", RequestJson.dashboardRow(row.get()))
        .add("request_body", RequestJson.document(row.get().requestBody()))
        .add("response_body", RequestJson.document(row.get().responseBody()))
        .add("chunks", RequestJson.dashboardChunks(chunks))
        .build();
    return Response.ok(body).build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
