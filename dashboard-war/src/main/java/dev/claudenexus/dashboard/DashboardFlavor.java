package dev.claudenexus.dashboard;

import dev.claudenexus.api.ApiFlavor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Tells the shared API resources to answer in the dashboard's shapes. */
@ApplicationScoped
public class DashboardFlavor {

  @Produces
  ApiFlavor flavor() {
    return ApiFlavor.DASHBOARD;
  }
}
