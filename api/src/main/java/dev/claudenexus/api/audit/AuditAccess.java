package dev.claudenexus.api.audit;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.ApiAccessFilter;
import dev.claudenexus.api.access.ApiErrors;
import dev.claudenexus.api.access.DashboardRoles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.Set;

/**
 * The access rule of the audit trail: admins only. {@link ApiAccessFilter} has already rejected
 * callers without the key or a session with 401. This check rejects viewers, and in read-only mode
 * everyone, because there an anonymous caller could read who did what.
 */
public final class AuditAccess {

  /** The error of a read in read-only mode. */
  public static final String READ_ONLY_MESSAGE = "The audit trail needs DASHBOARD_API_KEY or single"
      + " sign-on: it is not available in read-only mode. Configure one and log in as an admin";

  private AuditAccess() {}

  /** Returns the error response for a caller who may not read the trail, or empty. */
  public static Optional<Response> denial(SecurityContext security, HttpServletRequest request) {
    if (AccessSettings.current().readOnly()) {
      return Optional.of(ApiErrors.plain(403, READ_ONLY_MESSAGE));
    }
    boolean admin = security.isUserInRole(DashboardRoles.ADMIN)
        || request.getAttribute(ApiAccessFilter.ROLES_ATTRIBUTE) instanceof Set<?> roles
            && roles.contains(DashboardRoles.ADMIN);
    if (!admin) {
      return Optional.of(ApiErrors.coded(403, "forbidden", "Reading the audit trail needs the admin"
          + " role"));
    }
    return Optional.empty();
  }
}
