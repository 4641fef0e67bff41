package dev.claudenexus.api.metrics;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Gives each resource method of {@code /api} a filter that names its path template, such as
 * {@code /api/requests/{id}}, for {@link ApiRequestMeter}. The template is computed once when the
 * application starts, so a request pays one property write.
 */
public class EndpointTemplates implements DynamicFeature {

  /** Request property that contains the template of the matched resource method. */
  static final String PROPERTY = EndpointTemplates.class.getName() + ".template";

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    // Before the other filters after matching, so a response that one of them aborts with, such as
    // a cached read, still gets its template.
    context.register(new Marker(template(resource)), Priorities.AUTHENTICATION);
  }

  /** Returns the template of a resource method: {@code /api}, the class path, the method path. */
  static String template(ResourceInfo resource) {
    StringBuilder template = new StringBuilder("/api");
    append(template, resource.getResourceClass().getAnnotation(Path.class));
    append(template, resource.getResourceMethod().getAnnotation(Path.class));
    return template.toString();
  }

  private static void append(StringBuilder template, Path path) {
    if (path == null) {
      return;
    }
    String value = path.value().replaceAll("^/+|/+$", "");
    if (!value.isEmpty()) {
      template.append('/').append(value);
    }
  }

  /** Sets {@link #PROPERTY} after matching, so only matched requests get a template. */
  private record Marker(String template) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(PROPERTY, template);
    }
  }
}
