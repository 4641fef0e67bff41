package dev.claudenexus.dashboard.pages.audit;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.audit.AuditAccess;
import dev.claudenexus.api.audit.AuditReader;
import dev.claudenexus.api.audit.AuditSelection;
import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.audit.AuditEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit page. Admins only: in read-only mode and for viewers it responds with 403 and the reason,
 * and invalid filters get 400 with the message of {@code GET /api/audit}.
 */
@Named
@RequestScoped
public class AuditPage {

  private static final Logger LOG = Logger.getLogger(AuditPage.class.getName());

  private String user;
  private String action;
  private String from;
  private String to;
  private String id;
  private String cursor;
  private String limit;
  private String denial;
  private String error;
  private AuditReader.Page page = new AuditReader.Page(List.of(), Optional.empty());

  /** Checks the caller's role, reads the selected page, and sets the status of a refused page. */
  public void load() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (AccessSettings.current().readOnly()) {
      denial = AuditAccess.READ_ONLY_MESSAGE;
    } else if (!external.isUserInRole(DashboardRoles.ADMIN)) {
      denial = "The audit trail needs the admin role.";
    }
    if (denial != null) {
      external.setResponseStatus(403);
      return;
    }
    try {
      page = AuditReader.read(AuditSelection.parse(user, action, from, to, id, cursor, limit));
    } catch (InvalidParameterException e) {
      error = e.getMessage();
      external.setResponseStatus(400);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The audit page could not read the audit trail", e);
      error = "The audit trail could not be read from the database; the server log has the details.";
      external.setResponseStatus(503);
    }
  }

  public List<AuditEvent> getEvents() {
    return page.events();
  }

  /** Returns the stored action values, for the action filter. */
  public List<String> getActions() {
    return Arrays.stream(AuditAction.values()).map(AuditAction::code).toList();
  }

  /** Returns the link to the page after this one, or {@code null} on the last page. */
  public String getNextLink() {
    return page.nextCursor().map(next -> link("/dashboard/audit", next)).orElse(null);
  }

  /** Returns the link to the newest page of the same filters, or {@code null} on that page. */
  public String getNewestLink() {
    return cursor == null || cursor.isBlank() ? null : link("/dashboard/audit", null);
  }

  /** Returns the CSV export of every event that the filters select. */
  public String getCsvLink() {
    return link("/api/audit.csv", null);
  }

  private String link(String path, String pageCursor) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", user);
    parameters.put("action", action);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("id", id);
    parameters.put("cursor", pageCursor);
    if (!path.endsWith(".csv")) {
      parameters.put("limit", limit);
    }
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> {
      if (value != null && !value.isBlank()) {
        query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return path + query;
  }

  public String getDenial() {
    return denial;
  }

  public String getError() {
    return error;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getCursor() {
    return cursor;
  }

  public void setCursor(String cursor) {
    this.cursor = cursor;
  }

  public String getLimit() {
    return limit;
  }

  public void setLimit(String limit) {
    this.limit = limit;
  }
}
