package dev.claudenexus.api.audit;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.audit.AuditEvent;
import dev.claudenexus.audit.AuditQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/audit}: the audit trail, newest first, filtered by {@code user}, {@code action},
 * {@code from}, {@code to} and {@code id}, paged by {@code limit} and the returned {@code nextCursor}.
 * With {@code format=csv} it returns every matching event as CSV instead. Admins only.
 */
@Path("audit")
@RequestScoped
public class AuditResource {

  /** Events per database read while a CSV export streams. */
  private static final int EXPORT_PAGE = 1_000;

  @GET
  public Response list(@QueryParam("user") String user, @QueryParam("action") String action,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("id") String id,
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
      @QueryParam("format") String format, @Context SecurityContext security,
      @Context HttpServletRequest servletRequest) throws SQLException {
    Optional<Response> denial = AuditAccess.denial(security, servletRequest);
    if (denial.isPresent()) {
      return denial.get();
    }
    if (format != null && !format.isBlank() && !format.strip().equals("json")) {
      if (!format.strip().equals("csv")) {
        throw new InvalidParameterException("format", "json or csv", format);
      }
      return csv(AuditSelection.parse(user, action, from, to, id, cursor, limit));
    }
    AuditReader.Page page = AuditReader.read(
        AuditSelection.parse(user, action, from, to, id, cursor, limit));
    JsonArrayBuilder events = JSON.createArrayBuilder();
    page.events().forEach(event -> events.add(json(event)));
    JsonObjectBuilder body = JSON.createObjectBuilder().add("events", events);
    page.nextCursor().ifPresentOrElse(next -> body.add("nextCursor", next),
        () -> body.addNull("nextCursor"));
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  /** Returns every event of the query from its cursor on, streamed page by page. */
  static Response csv(AuditQuery query) {
    StreamingOutput body = output -> {
      BufferedWriter writer = new BufferedWriter(
          new OutputStreamWriter(output, StandardCharsets.UTF_8));
      CSVPrinter printer = AuditCsv.printer(writer);
      AuditQuery next = AuditReader.withLimit(query, EXPORT_PAGE);
      List<AuditEvent> page;
      do {
        try {
          page = AuditReader.repository().find(next);
        } catch (SQLException e) {
          throw new IOException("Reading the audit trail for the CSV export failed", e);
        }
        for (AuditEvent event : page) {
          AuditCsv.print(printer, event);
        }
        if (!page.isEmpty()) {
          next = next.after(AuditQuery.Position.of(page.get(page.size() - 1)));
        }
      } while (page.size() == EXPORT_PAGE);
      printer.flush();
    };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }

  static JsonObjectBuilder json(AuditEvent event) {
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("eventId", event.eventId().toString())
        .add("time", event.occurredAt().toString())
        .add("user", event.userName())
        .add("authMethod", event.authMethod())
        .add("action", event.action().code())
        .add("outcome", event.outcome())
        .add("service", event.service());
    nullable(json, "target", event.targetId());
    nullable(json, "address", event.clientAddress());
    return json;
  }

  private static void nullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
