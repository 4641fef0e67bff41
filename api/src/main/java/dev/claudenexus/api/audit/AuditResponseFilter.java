package dev.claudenexus.api.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the calls of {@link Audited} resource methods once their response is known, including
 * responses that a filter served from the cache. Requests that the access rules reject never reach
 * a resource method and are not recorded here.
 */
@Priority(Priorities.USER)
public class AuditResponseFilter implements ContainerResponseFilter {

  /**
   * Request attribute (in a servlet container also a request property) in which a resource method
   * names the target when it is not in the path.
   */
  public static final String TARGET_ATTRIBUTE = "nexus.audit.target";

  private volatile AuditTrail trail;

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource.getResourceMethod();
    Audited audited = method == null ? null : method.getAnnotation(Audited.class);
    if (audited == null) {
      return;
    }
    trail().record(servletRequest, audited.value(), target(audited, request),
        response.getStatus());
  }

  /** Returns the war's audit trail; JAX-RS creates this filter, so it looks the bean up itself. */
  private AuditTrail trail() {
    AuditTrail current = trail;
    if (current == null) {
      current = CDI.current().select(AuditTrail.class).get();
      trail = current;
    }
    return current;
  }

  private String target(Audited audited, ContainerRequestContext request) {
    if (request.getProperty(TARGET_ATTRIBUTE) instanceof String named) {
      return named;
    }
    MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
    List<String> parts = new ArrayList<>();
    for (String name : audited.target()) {
      String value = parameters.getFirst(name);
      if (value != null) {
        parts.add(value);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }
}
