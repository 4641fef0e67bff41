package dev.claudenexus.proxy;

import dev.claudenexus.api.ApiResources;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JSON API at {@code /api} on the proxy's port, in the proxy's response shapes, for scripts that
 * called the original proxy's {@code /api}.
 */
@ApplicationPath("api")
public class ProxyApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return ApiResources.classes();
  }
}
