package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.AuthenticationMethod;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Values that every page's layout needs: the access mode, the CSRF token and the current page. */
@Named("page")
@RequestScoped
public class PageContext {

  /** Returns whether the dashboard runs without a key, so nothing can be changed. */
  public boolean isReadOnly() {
    return AccessSettings.current().readOnly();
  }

  /**
   * Returns the CSRF token of the logged-in session, which every form and script request that
   * changes data must send; {@code null} in read-only mode.
   */
  public String getCsrfToken() {
    if (isReadOnly()) {
      return null;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpSession session = (HttpSession) external.getSession(false);
    return session == null ? null : DashboardSession.csrfToken(session);
  }

  /** Returns the path and query of the page being shown, as the browser requested it. */
  public String getCurrentPage() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String path = forwardedFrom != null ? (String) forwardedFrom : request.getRequestURI();
    Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    String query = forwardedFrom != null ? (String) forwardedQuery : request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /**
   * Returns who is logged in and with which role, such as {@code alice (viewer)}; the key's callers
   * are shown as {@code dashboard key (admin)}.
   */
  public String getUserLabel() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (external.getUserPrincipal() == null) {
      return "";
    }
    Object method = external.getRequestMap().get(AuthenticationMethod.ATTRIBUTE);
    boolean key = AuthenticationMethod.DASHBOARD_KEY.equals(method)
        || AuthenticationMethod.SESSION.equals(method);
    String shown = key ? "dashboard key" : external.getUserPrincipal().getName();
    return shown + (external.isUserInRole(DashboardRoles.ADMIN) ? " (admin)" : " (viewer)");
  }

  /** Returns whether the caller has the admin role, which changing data needs and read-only mode never grants. */
  public boolean isAdmin() {
    return !isReadOnly()
        && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(DashboardRoles.ADMIN);
  }

  /** Returns the name of the form field that carries the CSRF token. */
  public String getCsrfField() {
    return DashboardSession.CSRF_FIELD;
  }
}
