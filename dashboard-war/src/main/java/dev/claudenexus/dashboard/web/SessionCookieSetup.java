package dev.claudenexus.dashboard.web;

import dev.claudenexus.dashboard.DashboardSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Sets the session cookie: httpOnly, tracked by cookie only (never in URLs), and the configured idle
 * timeout. Payara marks it Secure when the request came over HTTPS, and the launcher's listener
 * settings add SameSite=Strict.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

  /** Name of the dashboard's session cookie. */
  public static final String COOKIE_NAME = "NEXUS_DASHBOARD_SESSION";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    cookie.setName(COOKIE_NAME);
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    context.setSessionTimeout(DashboardSettings.current().sessionIdleMinutes());
  }
}
