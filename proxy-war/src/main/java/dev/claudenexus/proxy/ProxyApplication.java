package dev.claudenexus.proxy;

import dev.claudenexus.proxy.auth.ClientKeyIdentityStore;
import dev.claudenexus.proxy.clientsetup.ClientSetupResource;
import dev.claudenexus.proxy.mcp.McpEndpoint;
import dev.claudenexus.proxy.oauth.OAuthMetricsResource;
import dev.claudenexus.proxy.stats.TokenStatsResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The proxy's own JAX-RS resources ({@code /}, {@code /token-stats}, ...), listed explicitly so the
 * shared {@code /api} resources stay in {@link ProxyApiApplication}. {@code /v1/*} is served by a
 * servlet, which the container matches first because its mapping is more specific.
 */
@ApplicationPath("/")
@DeclareRoles({ClientKeyIdentityStore.CLIENT_ROLE})
public class ProxyApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ServiceInfoResource.class, TokenStatsResource.class, OAuthMetricsResource.class,
        ClientSetupResource.class, McpEndpoint.class);
  }
}
