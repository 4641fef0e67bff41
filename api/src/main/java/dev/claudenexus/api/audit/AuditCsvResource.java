package dev.claudenexus.api.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/** {@code GET /api/audit.csv}: the CSV export of {@code GET /api/audit}, with the same filters. */
@Path("audit.csv")
@RequestScoped
public class AuditCsvResource {

  @GET
  public Response export(@QueryParam("user") String user, @QueryParam("action") String action,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("id") String id,
      @QueryParam("cursor") String cursor, @Context SecurityContext security,
      @Context HttpServletRequest servletRequest) {
    Optional<Response> denial = AuditAccess.denial(security, servletRequest);
    if (denial.isPresent()) {
      return denial.get();
    }
    return AuditResource.csv(AuditSelection.parse(user, action, from, to, id, cursor, null));
  }
}
