package dev.claudenexus.dashboard;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the dashboard war that the shared API does not read.
 *
 * @param sessionIdleMinutes {@code DASHBOARD_SESSION_IDLE_MINUTES}: minutes without a request after
 *     which a browser session ends (default 60)
 */
public record DashboardSettings(int sessionIdleMinutes) {

  static final int DEFAULT_SESSION_IDLE_MINUTES = 60;
  static final int MAX_SESSION_IDLE_MINUTES = 7 * 24 * 60;

  /** Reads the settings of this application. */
  public static DashboardSettings current() {
    return from(ConfigProvider.getConfig());
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException when the idle timeout is not a number of minutes in range
   */
  static DashboardSettings from(Config config) {
    String value = config.getOptionalValue("DASHBOARD_SESSION_IDLE_MINUTES", String.class)
        .map(String::strip)
        .orElse(Integer.toString(DEFAULT_SESSION_IDLE_MINUTES));
    int minutes;
    try {
      minutes = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      minutes = 0;
    }
    if (minutes < 1 || minutes > MAX_SESSION_IDLE_MINUTES) {
      throw new IllegalArgumentException("DASHBOARD_SESSION_IDLE_MINUTES must be a number of minutes"
          + " from 1 to " + MAX_SESSION_IDLE_MINUTES + ", not \"" + value + "\"");
    }
    return new DashboardSettings(minutes);
  }
}
