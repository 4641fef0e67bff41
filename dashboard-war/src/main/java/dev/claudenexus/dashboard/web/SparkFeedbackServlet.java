package dev.claudenexus.dashboard.web;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.audit.AuditTrail;
import dev.claudenexus.api.spark.FeedbackValidator;
import dev.claudenexus.api.spark.SparkClient;
import dev.claudenexus.api.spark.SparkReply;
import dev.claudenexus.api.spark.SparkSettings;
import dev.claudenexus.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code POST /dashboard/spark-feedback}: the rating and comment form of a Spark recommendation card.
 * It sends the feedback to Spark and returns to the request page (the {@code return} field) with
 * the outcome as {@code ?spark=}. The dashboard realm has checked the session's CSRF token (the
 * {@code _csrf} field) before this runs; without a dashboard key nothing can be sent.
 */
@WebServlet("/dashboard/spark-feedback")
public class SparkFeedbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SparkFeedbackServlet.class.getName());
  /** A request page of this service, with an optional query: never another host. */
  private static final Pattern REQUEST_PAGE =
      Pattern.compile("/dashboard/request/[A-Za-z0-9-]{1,64}(\\?[A-Za-z0-9=&_%.-]*)?");

  @Inject transient AuditTrail audit;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (AccessSettings.current().readOnly() || !request.isUserInRole(DashboardRoles.ADMIN)) {
      response.sendError(403, "Giving feedback needs the admin role");
      return;
    }
    String target = request.getParameter("return");
    if (target == null || !REQUEST_PAGE.matcher(target).matches()) {
      target = "/dashboard/requests";
    }
    String outcome = send(request);
    audit.record(request, AuditAction.SPARK_FEEDBACK, request.getParameter("session_id"),
        statusOf(outcome));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", withOutcome(target, outcome));
  }

  /** Returns the status that {@code POST /api/spark/feedback} returns for the same outcome. */
  private static int statusOf(String outcome) {
    return switch (outcome) {
      case "sent" -> 200;
      case "invalid" -> 400;
      case "not-configured" -> 503;
      default -> 502;
    };
  }

  private static String send(HttpServletRequest request) {
    SparkSettings settings = SparkSettings.current();
    if (!settings.configured()) {
      return "not-configured";
    }
    JsonObject feedback = feedbackOf(request.getParameter("session_id"), request.getParameter("rating"),
        request.getParameter("comments"));
    if (feedback == null || !FeedbackValidator.feedback(feedback).isEmpty()) {
      return "invalid";
    }
    SparkReply reply = new SparkClient(settings).sendFeedback(feedback);
    if (!reply.ok()) {
      LOG.info(() -> "Spark rejected feedback from the request page with status " + reply.status());
      return "failed";
    }
    return "sent";
  }

  /** Returns the feedback body of the form's fields, or {@code null} when one is missing or blank. */
  static JsonObject feedbackOf(String sessionId, String rating, String comments) {
    if (sessionId == null || rating == null || comments == null || comments.isBlank()) {
      return null;
    }
    int stars;
    try {
      stars = Integer.parseInt(rating.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    return JSON.createObjectBuilder()
        .add("session_id", sessionId)
        .add("feedback", JSON.createObjectBuilder().add("recommendation_feedback",
            JSON.createObjectBuilder().add("overall_feedback", JSON.createObjectBuilder()
                .add("rating", stars)
                .add("comments", comments.strip()))))
        .build();
  }

  /** Returns the page with {@code spark=outcome} in place of any earlier one, and the card's anchor. */
  private static String withOutcome(String target, String outcome) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    StringBuilder parameters = new StringBuilder();
    if (query >= 0) {
      for (String parameter : target.substring(query + 1).split("&")) {
        if (!parameter.isEmpty() && !parameter.startsWith("spark=")) {
          parameters.append(parameters.length() == 0 ? "" : "&").append(parameter);
        }
      }
    }
    parameters.append(parameters.length() == 0 ? "" : "&").append("spark=").append(outcome);
    return path + "?" + parameters;
  }
}
