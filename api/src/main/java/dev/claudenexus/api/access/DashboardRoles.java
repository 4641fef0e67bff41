package dev.claudenexus.api.access;

/**
 * Roles of the dashboard realm. The dashboard key grants both; single sign-on maps groups onto them.
 */
public final class DashboardRoles {

  /** May read every API endpoint and page. */
  public static final String VIEWER = "viewer";

  /** May also change data (start analyses, trigger syncs). */
  public static final String ADMIN = "admin";

  private DashboardRoles() {}
}
