package dev.claudenexus.proxy;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /}: the service name, version, status and endpoints, as the original returns them. */
@Path("")
public class ServiceInfoResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String info() {
    return Json.createObjectBuilder()
        .add("service", "claude-nexus")
        .add("version", ServiceVersion.VERSION)
        .add("status", "operational")
        .add("endpoints", Json.createObjectBuilder()
            .add("api", "/v1/messages")
            .add("anthropic", "/v1/*")
            .add("health", "/health")
            .add("stats", "/token-stats")
            .add("clientSetup", "/client-setup/{file}"))
        .build()
        .toString();
  }
}
