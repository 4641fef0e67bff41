package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.audit.AuditTrail;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.api.mcp.sync.PromptSyncService;
import dev.claudenexus.api.mcp.sync.SyncResult;
import dev.claudenexus.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /dashboard/prompt-sync}: the "Sync now" button of the Prompts page. It runs the GitHub
 * sync and returns to the page with the outcome. Only admins may start it, and never in read-only
 * mode; the dashboard realm has checked the session's CSRF token before this runs.
 */
@WebServlet("/dashboard/prompt-sync")
public class PromptSyncServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PromptSyncServlet.class.getName());

  @Inject transient PromptSyncService sync;
  @Inject transient AuditTrail audit;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!McpSettings.current().enabled()) {
      response.sendError(404);
      return;
    }
    if (AccessSettings.current().readOnly() || !request.isUserInRole(DashboardRoles.ADMIN)) {
      response.sendError(403, "Starting a sync needs the admin role");
      return;
    }
    String outcome;
    try {
      SyncResult result = sync.syncNow();
      outcome = switch (result.kind()) {
        case DONE -> "done";
        case FAILED -> "failed";
        case ALREADY_RUNNING -> "running";
        case NOT_CONFIGURED -> "not-configured";
      };
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The sync from the Prompts page could not read its state", e);
      outcome = "failed";
    }
    audit.record(request, AuditAction.MCP_SYNC, null, statusOf(outcome));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", "/dashboard/prompts?sync=" + outcome);
  }

  /** Returns the status that {@code POST /api/mcp/sync} returns for the same outcome. */
  private static int statusOf(String outcome) {
    return switch (outcome) {
      case "done" -> 200;
      case "running" -> 409;
      case "not-configured" -> 501;
      default -> 502;
    };
  }
}
