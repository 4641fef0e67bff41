package dev.claudenexus.proxy;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.mcp.McpSettings;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /}: the service name, version, status and endpoints, as the original returns them (the
 * MCP endpoints only while MCP is enabled).
 */
@Path("")
public class ServiceInfoResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String info() {
    JsonObjectBuilder endpoints = JSON.createObjectBuilder()
        .add("api", "/v1/messages")
        .add("anthropic", "/v1/*")
        .add("health", "/health")
        .add("stats", "/token-stats")
        .add("clientSetup", "/client-setup/{file}");
    if (McpSettings.current().enabled()) {
      endpoints.add("mcp", "/mcp").add("mcpPrompts", "/api/mcp/prompts");
    }
    return JSON.createObjectBuilder()
        .add("service", "claude-nexus")
        .add("version", ServiceVersion.VERSION)
        .add("status", "operational")
        .add("endpoints", endpoints)
        .build()
        .toString();
  }
}
