package dev.claudenexus.api.errors;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers an invalid query or path parameter with 400 and {@code {"error": message}}. */
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

  @Override
  public Response toResponse(InvalidParameterException exception) {
    String body = Json.createObjectBuilder().add("error", exception.getMessage()).build().toString();
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON)
        .entity(body)
        .build();
  }
}
