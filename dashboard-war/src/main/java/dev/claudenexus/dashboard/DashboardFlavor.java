package dev.claudenexus.dashboard;

import dev.claudenexus.api.ApiFlavor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the shared API resources respond in the dashboard's shapes. */
@ApplicationScoped
public class DashboardFlavor {

  @Produces
  ApiFlavor flavor() {
    return ApiFlavor.DASHBOARD;
  }
}
