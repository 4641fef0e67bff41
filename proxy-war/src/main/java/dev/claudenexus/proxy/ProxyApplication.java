package dev.claudenexus.proxy;

import dev.claudenexus.proxy.auth.ClientKeyIdentityStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The proxy's JAX-RS resources ({@code /}, {@code /token-stats}). {@code /v1/*} is served by a
 * servlet, which the container matches first because its mapping is more specific.
 */
@ApplicationPath("/")
@DeclareRoles({ClientKeyIdentityStore.CLIENT_ROLE})
public class ProxyApplication extends Application {}
