package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/** What every page's layout needs: the access mode and the session's CSRF token. */
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

  /** Returns the name of the form field that carries the CSRF token. */
  public String getCsrfField() {
    return DashboardSession.CSRF_FIELD;
  }
}
