package dev.claudenexus.proxy.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.json.JsonNesting;
import dev.claudenexus.api.mcp.McpPrompts;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.proxy.ServiceVersion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * {@code /mcp}: the MCP server of the prompt library. The client-key realm has authenticated every
 * request that reaches it while MCP is enabled.
 *
 * <ul>
 *   <li>{@code POST} takes JSON-RPC messages and responds with JSON; notifications get 202 without a
 *       body. {@code initialize} starts a session and returns its {@code Mcp-Session-Id}; later
 *       requests may send it, and an unknown one gets 404. A {@code MCP-Protocol-Version} header must
 *       name a supported version.
 *   <li>{@code GET} with {@code Accept: text/event-stream} gets 405, since the server sends no
 *       messages of its own; otherwise it returns the original's discovery document.
 *   <li>{@code DELETE} ends the session named by {@code Mcp-Session-Id}.
 * </ul>
 *
 * A browser's {@code Origin} must be this host or one of {@code CORS_ORIGIN}, against DNS rebinding.
 */
@Path("mcp")
@RequestScoped
public class McpEndpoint {

  /** The largest request body, in bytes. */
  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  @Inject McpPrompts prompts;
  @Inject McpSessions sessions;
  @Context HttpServletRequest request;

  @POST
  public Response post(InputStream body) throws IOException {
    Response rejected = checkRequest();
    if (rejected != null) {
      return rejected;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return error(415, JsonRpc.INVALID_REQUEST, "Unsupported Content-Type: send the JSON-RPC message"
          + " as application/json");
    }
    if (!acceptsJson(request.getHeader("Accept"))) {
      return error(406, JsonRpc.INVALID_REQUEST, "Not acceptable: the client must accept application/json");
    }
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return error(413, JsonRpc.INVALID_REQUEST, "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (JsonNesting.exceeds(bytes, JsonNesting.MAX_DEPTH)) {
      return error(400, JsonRpc.PARSE_ERROR, "Parse error: the body nests arrays and objects deeper"
          + " than " + JsonNesting.MAX_DEPTH + " levels");
    }
    JsonValue message;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      message = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      // The parser reports malformed JSON as a JsonException (JsonParsingException).
      return error(400, JsonRpc.PARSE_ERROR, "Parse error: the body is not valid JSON");
    }
    McpExchange.Outcome outcome =
        new McpExchange(new McpMethods(prompts.library().prompts())).handle(message);
    if (outcome.body() == null) {
      return Response.accepted().build();
    }
    Response.ResponseBuilder response = Response.status(outcome.invalidOnly() ? 400 : 200)
        .type(MediaType.APPLICATION_JSON).entity(outcome.body().toString());
    if (outcome.initializedVersion() != null) {
      response.header(SESSION_HEADER, sessions.start(new McpSession(domain(), outcome.initializedVersion())));
    }
    return response.build();
  }

  @GET
  public Response get() {
    Response rejected = checkRequest();
    if (rejected != null) {
      return rejected;
    }
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/event-stream") && !acceptsJson(accept)) {
      return error(405, JsonRpc.INVALID_REQUEST, "This server sends no messages of its own, so it"
          + " opens no event stream: send requests with POST");
    }
    String discovery = JSON.createObjectBuilder()
        .add("name", McpMethods.SERVER_NAME)
        .add("version", ServiceVersion.VERSION)
        .add("capabilities", JSON.createObjectBuilder().add("prompts",
            JSON.createObjectBuilder().add("listPrompts", true).add("getPrompt", true)))
        .build().toString();
    return Response.ok(discovery, MediaType.APPLICATION_JSON).build();
  }

  @DELETE
  public Response delete() {
    Response rejected = checkRequest();
    if (rejected != null) {
      return rejected;
    }
    String id = request.getHeader(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      return error(400, JsonRpc.INVALID_REQUEST, "Missing " + SESSION_HEADER + ": name the session to end");
    }
    return sessions.end(id.strip(), domain()) ? Response.noContent().build()
        : sessionNotFound();
  }

  /** Returns the response that ends the request early, or {@code null} when it may proceed. */
  private Response checkRequest() {
    if (!McpSettings.current().enabled()) {
      return Response.status(404).type(MediaType.APPLICATION_JSON).entity(JSON.createObjectBuilder()
          .add("error", "MCP is not enabled: set MCP_ENABLED=true").build().toString()).build();
    }
    // The realm names the caller after the domain whose client key it presented.
    if (request.getUserPrincipal() == null) {
      return error(401, JsonRpc.INVALID_REQUEST, "A client key is required");
    }
    if (!originAllowed(request.getHeader("Origin"), request.getHeader("Host"))) {
      return error(403, JsonRpc.INVALID_REQUEST, "Origin not allowed: add it to CORS_ORIGIN to call"
          + " /mcp from a browser");
    }
    String version = request.getHeader(VERSION_HEADER);
    if (version != null && !ProtocolVersions.isSupported(version.strip())) {
      return error(400, JsonRpc.INVALID_REQUEST, "Unsupported " + VERSION_HEADER + " "
          + McpMethods.shorten(version) + ": supported are " + ProtocolVersions.SUPPORTED);
    }
    String session = request.getHeader(SESSION_HEADER);
    if (session != null && !"DELETE".equals(request.getMethod())
        && sessions.find(session.strip(), domain()).isEmpty()) {
      return sessionNotFound();
    }
    return null;
  }

  private String domain() {
    return request.getUserPrincipal().getName();
  }

  private static boolean originAllowed(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (AccessSettings.current().corsOrigins().contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin.strip());
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && authority != null && authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    return lower.contains("application/json") || lower.contains("*/*") || lower.contains("application/*");
  }

  private static Response sessionNotFound() {
    return error(404, JsonRpc.SESSION_NOT_FOUND, "Session not found: it ended or belongs to another"
        + " instance; send initialize again");
  }

  private static Response error(int status, int code, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(JsonRpc.error(JsonValue.NULL, code, message).toString()).build();
  }
}
