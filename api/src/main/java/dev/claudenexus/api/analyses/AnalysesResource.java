package dev.claudenexus.api.analyses;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.analysis.AnalysisRequests;
import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.analysis.ErrorHistory;
import dev.claudenexus.analysis.StoredAnalysis;
import dev.claudenexus.analysis.job.CostCap;
import dev.claudenexus.api.access.ApiErrors;
import dev.claudenexus.api.audit.AuditResponseFilter;
import dev.claudenexus.api.audit.Audited;
import dev.claudenexus.audit.AuditAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code POST /api/analyses}, {@code GET /api/analyses/{conversationId}/{branchId}} and
 * {@code POST /api/analyses/{conversationId}/{branchId}/regenerate}, in the original proxy's shapes.
 * A branch without stored requests gets 404, because there is nothing to analyse.
 */
@Path("analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {

  @Inject AnalysisRequests requests;
  @Inject AnalysisStore store;
  @Inject AnalysisRateLimits limits;

  @POST
  @Audited(AuditAction.ANALYSIS_REQUEST)
  public Response create(String body, @HeaderParam("Host") String host,
      @Context HttpServletRequest servletRequest) throws SQLException {
    String domain = AnalysisRateLimits.domainOf(host);
    limits.acquireCreation(domain);
    AnalysisRequestBody.Parsed request = AnalysisRequestBody.create(body);
    servletRequest.setAttribute(AuditResponseFilter.TARGET_ATTRIBUTE,
        request.conversationId() + "/" + request.branchId());
    if (!requests.branchExists(request.conversationId(), request.branchId())) {
      return branchNotFound(request);
    }
    AnalysisRequests.Result result = requests.request(request.conversationId(), request.branchId(),
        request.customPrompt(), domain);
    String message = switch (result.outcome()) {
      case CREATED -> "Analysis request created";
      case RETRIED -> "Analysis requested again after it failed";
      case IN_PROGRESS -> "Analysis already in progress";
      case COMPLETED -> "Analysis already completed";
    };
    int status = result.outcome() == AnalysisRequests.Outcome.CREATED ? 201 : 200;
    return Response.status(status).entity(JSON.createObjectBuilder()
        .add("message", message)
        .add("analysisId", result.analysisId())
        .add("status", result.status().value())
        .build().toString()).build();
  }

  @GET
  @Path("{conversationId}/{branchId}")
  @Audited(value = AuditAction.ANALYSIS_VIEW, target = {"conversationId", "branchId"})
  public Response read(@PathParam("conversationId") String conversationId,
      @PathParam("branchId") String branchId, @HeaderParam("Host") String host) throws SQLException {
    String domain = AnalysisRateLimits.domainOf(host);
    limits.acquireRetrieval(domain);
    AnalysisRequestBody.Parsed path = AnalysisRequestBody.path(conversationId, branchId);
    Optional<StoredAnalysis> analysis = requests.read(path.conversationId(), path.branchId(), domain);
    if (analysis.isEmpty()) {
      return ApiErrors.plain(404, "Analysis not found");
    }
    return Response.ok(toJson(analysis.get()).build().toString()).build();
  }

  @POST
  @Path("{conversationId}/{branchId}/regenerate")
  @Audited(value = AuditAction.ANALYSIS_REQUEST, target = {"conversationId", "branchId"})
  public Response regenerate(@PathParam("conversationId") String conversationId,
      @PathParam("branchId") String branchId, String body, @HeaderParam("Host") String host)
      throws SQLException {
    String domain = AnalysisRateLimits.domainOf(host);
    limits.acquireCreation(domain);
    AnalysisRequestBody.Parsed request = AnalysisRequestBody.regenerate(conversationId, branchId, body);
    if (!requests.branchExists(request.conversationId(), request.branchId())) {
      return branchNotFound(request);
    }
    long id = requests.regenerate(request.conversationId(), request.branchId(), request.customPrompt(),
        domain);
    return Response.ok(JSON.createObjectBuilder()
        .add("message", "Analysis regeneration requested")
        .add("analysisId", id)
        .add("status", AnalysisStatus.PENDING.value())
        .build().toString()).build();
  }

  private static Response branchNotFound(AnalysisRequestBody.Parsed request) {
    return ApiErrors.plain(404, "Conversation not found: no stored request belongs to conversation "
        + request.conversationId() + " on branch " + request.branchId());
  }

  /** Returns the read response; {@code waitingFor} names the reason a pending analysis does not start. */
  JsonObjectBuilder toJson(StoredAnalysis a) throws SQLException {
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("id", a.id())
        .add("conversationId", a.conversationId().toString())
        .add("branchId", a.branchId())
        .add("status", a.status().value());
    nullable(json, "content", a.content());
    json.add("data", parse(a.data()));
    nullable(json, "error", ErrorHistory.latestMessage(a.error()));
    json.add("errorHistory", parse(a.error()));
    nullable(json, "customPrompt", a.customPrompt());
    nullable(json, "modelUsed", a.modelUsed());
    json.add("retryCount", a.retryCount());
    time(json, "createdAt", a.createdAt());
    time(json, "updatedAt", a.updatedAt());
    time(json, "completedAt", a.completedAt());
    int prompt = a.promptTokens() == null ? 0 : a.promptTokens();
    int completion = a.completionTokens() == null ? 0 : a.completionTokens();
    json.add("tokenUsage", JSON.createObjectBuilder()
        .add("prompt", prompt).add("completion", completion).add("total", prompt + completion));
    if (a.costUsd() == null) {
      json.addNull("costUsd");
    } else {
      json.add("costUsd", a.costUsd());
    }
    boolean capped = a.status() == AnalysisStatus.PENDING
        && CostCap.reached(AnalysisSettings.current(), store).isPresent();
    if (capped) {
      json.add("waitingFor", "daily_cost_cap");
    } else {
      json.addNull("waitingFor");
    }
    return json;
  }

  private static JsonValue parse(String json) {
    if (json == null) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    } catch (JsonException e) {
      return JSON.createValue(json);
    }
  }

  private static void nullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder json, String name, OffsetDateTime value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value.toInstant().toString());
    }
  }
}
