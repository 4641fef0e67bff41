package dev.claudenexus.dashboard;

import dev.claudenexus.api.ApiResources;
import dev.claudenexus.api.access.DashboardRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The dashboard's JSON API at {@code /api}. */
@ApplicationPath("api")
@DeclareRoles({DashboardRoles.VIEWER, DashboardRoles.ADMIN})
public class DashboardApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return ApiResources.classes();
  }
}
