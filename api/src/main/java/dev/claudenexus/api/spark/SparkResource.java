package dev.claudenexus.api.spark;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.ApiErrors;
import dev.claudenexus.api.audit.AuditResponseFilter;
import dev.claudenexus.api.audit.Audited;
import dev.claudenexus.api.json.JsonNesting;
import dev.claudenexus.audit.AuditAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /api/spark/*}: feedback on Spark recommendations, forwarded to the Spark API. Every path
 * responds with 503 when {@code SPARK_API_KEY} is not set. Bodies are checked before anything is sent: a
 * body that is not JSON or misses a field gets 400 naming the field. Spark's own errors are relayed
 * with Spark's status.
 */
@Path("spark")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SparkResource {

  /** The largest request body accepted, in bytes. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** {@code GET /api/spark/sessions/{sessionId}/feedback}. */
  @GET
  @Path("sessions/{sessionId}/feedback")
  public Response sessionFeedback(@PathParam("sessionId") String sessionId) {
    SparkSettings settings = SparkSettings.current();
    if (!settings.configured()) {
      return notConfigured();
    }
    if (!SessionIds.isValid(sessionId)) {
      return ApiErrors.plain(400, "Invalid sessionId: expected " + SessionIds.expectation());
    }
    return relay(new SparkClient(settings).sessionFeedback(sessionId));
  }

  /** {@code POST /api/spark/feedback}: the feedback of one session, forwarded to {@code /send_feedback}. */
  @POST
  @Path("feedback")
  @Audited(AuditAction.SPARK_FEEDBACK)
  public Response sendFeedback(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
      @Context HttpServletRequest servletRequest) throws IOException {
    SparkSettings settings = SparkSettings.current();
    if (!settings.configured()) {
      return notConfigured();
    }
    Object parsed = parse(contentType, body);
    if (parsed instanceof Response error) {
      return error;
    }
    List<FeedbackValidator.Problem> problems = FeedbackValidator.feedback((JsonValue) parsed);
    if (!problems.isEmpty()) {
      return invalid(problems);
    }
    servletRequest.setAttribute(AuditResponseFilter.TARGET_ATTRIBUTE,
        ((JsonObject) parsed).getString("session_id", null));
    return relay(new SparkClient(settings).sendFeedback((JsonObject) parsed));
  }

  /** {@code POST /api/spark/feedback/batch}: the feedback of up to 100 sessions. */
  @POST
  @Path("feedback/batch")
  @Audited(AuditAction.SPARK_FEEDBACK)
  public Response batchFeedback(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
      @Context HttpServletRequest servletRequest) throws IOException {
    SparkSettings settings = SparkSettings.current();
    if (!settings.configured()) {
      return notConfigured();
    }
    Object parsed = parse(contentType, body);
    if (parsed instanceof Response error) {
      return error;
    }
    List<FeedbackValidator.Problem> problems = FeedbackValidator.batch((JsonValue) parsed);
    if (!problems.isEmpty()) {
      return invalid(problems);
    }
    // The ids of a large batch are cut to the audit trail's target column.
    servletRequest.setAttribute(AuditResponseFilter.TARGET_ATTRIBUTE, ((JsonObject) parsed)
        .getJsonArray("session_ids").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).collect(Collectors.joining(",")));
    return relay(new SparkClient(settings).batchFeedback((JsonObject) parsed));
  }

  /** Returns the parsed body, or the error response for a body that cannot be read as JSON. */
  private static Object parse(String contentType, InputStream body) throws IOException {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return ApiErrors.plain(415, "Unsupported content type: send the body as application/json");
    }
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return ApiErrors.plain(413, "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (JsonNesting.exceeds(bytes, JsonNesting.MAX_DEPTH)) {
      return invalid(List.of(new FeedbackValidator.Problem("(body)",
          "nests arrays and objects deeper than " + JsonNesting.MAX_DEPTH + " levels")));
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readValue();
    } catch (JsonParsingException | IllegalStateException e) {
      return invalid(List.of(new FeedbackValidator.Problem("(body)", "is not valid JSON")));
    }
  }

  private static Response invalid(List<FeedbackValidator.Problem> problems) {
    JsonArrayBuilder details = JSON.createArrayBuilder();
    problems.forEach(problem -> details.add(JSON.createObjectBuilder()
        .add("field", problem.field()).add("message", problem.message())));
    FeedbackValidator.Problem first = problems.get(0);
    JsonObject body = JSON.createObjectBuilder()
        .add("error", "Invalid request data")
        .add("message", first.field() + " " + first.message())
        .add("details", details)
        .build();
    return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body.toString()).build();
  }

  private static Response relay(SparkReply reply) {
    return Response.status(reply.status()).type(MediaType.APPLICATION_JSON)
        .entity(reply.body().toString()).build();
  }

  private static Response notConfigured() {
    return ApiErrors.plain(503, "Spark API not configured: set SPARK_API_KEY (and SPARK_API_URL)");
  }
}
