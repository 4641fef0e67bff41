package dev.claudenexus.api.access;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON error responses of the access rules, in the original product's shapes. */
public final class ApiErrors {

  /** The exact message of a write in read-only mode, which scripts of the original compare. */
  public static final String READ_ONLY_MESSAGE =
      "Read-only mode: This endpoint is not available without DASHBOARD_API_KEY";

  private ApiErrors() {}

  /** Returns {@code {"error":{"code":code,"message":message}}} with the status. */
  public static Response coded(int status, String code, String message) {
    String body = JSON.createObjectBuilder()
        .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
        .build()
        .toString();
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  /** Returns {@code {"error":message}} with the status. */
  public static Response plain(int status, String message) {
    String body = JSON.createObjectBuilder().add("error", message).build().toString();
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
