package dev.claudenexus.api.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
@ApplicationScoped
@Priority(Priorities.USER)
public class AuditResponseFilter implements ContainerResponseFilter {

  /** Request attribute in which a resource method names the target when it is not in the path. */
  public static final String TARGET_ATTRIBUTE = "nexus.audit.target";

  @Inject AuditTrail trail;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource.getResourceMethod();
    Audited audited = method == null ? null : method.getAnnotation(Audited.class);
    if (audited == null) {
      return;
    }
    trail.record(servletRequest, audited.value(), target(audited, request), response.getStatus());
  }

  private String target(Audited audited, ContainerRequestContext request) {
    if (servletRequest.getAttribute(TARGET_ATTRIBUTE) instanceof String named) {
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
