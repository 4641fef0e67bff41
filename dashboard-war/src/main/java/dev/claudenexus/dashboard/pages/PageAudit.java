package dev.claudenexus.dashboard.pages;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** Gives the page beans the servlet request they audit. */
public final class PageAudit {

  private PageAudit() {}

  /** Returns the request that the current Faces view is rendering. */
  public static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }
}
