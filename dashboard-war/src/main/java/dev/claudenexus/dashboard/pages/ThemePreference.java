package dev.claudenexus.dashboard.pages;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The light or dark theme a browser chose, kept for its session. */
@Named
@SessionScoped
public class ThemePreference implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String LIGHT = "saga-blue";
  static final String DARK = "arya-blue";

  private boolean dark;

  /** Returns the PrimeFaces theme name. */
  public String getTheme() {
    return dark ? DARK : LIGHT;
  }

  public boolean isDark() {
    return dark;
  }

  /** Switches between the light and the dark theme. */
  public void toggle() {
    dark = !dark;
  }
}
