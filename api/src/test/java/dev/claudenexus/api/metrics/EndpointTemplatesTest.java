package dev.claudenexus.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.api.requests.RequestsResource;
import dev.claudenexus.api.subtasks.SubtasksResource;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class EndpointTemplatesTest {

  private static ResourceInfo resource(Class<?> type, String methodName) {
    Method method = java.util.Arrays.stream(type.getMethods())
        .filter(candidate -> candidate.getName().equals(methodName))
        .findFirst()
        .orElseThrow();
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return method;
      }

      @Override
      public Class<?> getResourceClass() {
        return type;
      }
    };
  }

  @Test
  void templateJoinsClassAndMethodPaths() {
    assertEquals("/api/requests/{id}", EndpointTemplates.template(resource(RequestsResource.class, "detail")));
  }

  @Test
  void templateWithoutMethodPath() {
    assertEquals("/api/requests", EndpointTemplates.template(resource(RequestsResource.class, "list")));
    assertEquals("/api/requests/{id}/subtasks",
        EndpointTemplates.template(resource(SubtasksResource.class, "subtasks")));
  }

  @Test
  void metricsResourceTemplate() {
    assertEquals("/api/metrics", EndpointTemplates.template(resource(MetricsResource.class, "scrape")));
  }

  @Test
  void unknownMethodsShareLabel() {
    assertEquals("GET", ApiRequestMeter.methodLabel("GET"));
    assertEquals("other", ApiRequestMeter.methodLabel("PROPFIND"));
    assertEquals("other", ApiRequestMeter.methodLabel("get"));
  }
}
