package dev.claudenexus.dashboard;

import dev.claudenexus.api.ApiResources;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The dashboard's JSON API at {@code /api}. */
@ApplicationPath("api")
public class DashboardApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return ApiResources.classes();
  }
}
