package dev.claudenexus.proxy.health;

import dev.claudenexus.proxy.ProxyStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Reports the proxy as started once it has started its storage writer. */
@Startup
@ApplicationScoped
public class ProxyStarted implements HealthCheck {

  @Inject ProxyStartup startup;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("claude-nexus-proxy-started").status(startup.isStarted()).build();
  }
}
