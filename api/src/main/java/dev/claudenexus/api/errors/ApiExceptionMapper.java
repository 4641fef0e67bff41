package dev.claudenexus.api.errors;

import dev.claudenexus.api.access.ApiErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception of {@code /api/*} into {@code {"error": message}}. Invalid parameters keep
 * their message (400), and errors that carry their own body keep it. The container's own errors (404, 405, 415, ...) keep their status and its
 * reason phrase. Anything else is logged and returns 500 with a generic message, so database errors
 * and stack traces never reach the client.
 */
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof InvalidParameterException invalid) {
      return ApiErrors.plain(400, invalid.getMessage());
    }
    if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500
        && web.getResponse().hasEntity()) {
      return web.getResponse();
    }
    if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      return Response.fromResponse(ApiErrors.plain(status.getStatusCode(), status.getReasonPhrase()))
          .replaceAll(web.getResponse().getHeaders())
          .type("application/json")
          .build();
    }
    LOG.log(Level.WARNING, "An /api request failed", exception);
    return ApiErrors.plain(500, "Internal server error: the request could not be completed; the"
        + " server log has the details");
  }
}
