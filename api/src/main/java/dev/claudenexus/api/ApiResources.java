package dev.claudenexus.api;

import dev.claudenexus.api.access.ApiAccessFilter;
import dev.claudenexus.api.domains.DomainsResource;
import java.util.Set;

/**
 * The resource and filter classes of {@code /api/*}. Each war registers them in a JAX-RS application at
 * {@code api}, listed explicitly, so its other applications do not pick them up by scanning.
 */
public final class ApiResources {

  private ApiResources() {}

  public static Set<Class<?>> classes() {
    return Set.of(ApiAccessFilter.class, DomainsResource.class);
  }
}
