package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.api.ApiResources;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fetches {@code /openapi} from both ports in YAML and JSON, parses it with swagger-parser, and
 * checks it against the {@code /api} resource classes, found by reflection, so the document cannot
 * drift from the code in either direction.
 */
@ExtendWith(NexusServerExtension.class)
class OpenApiIT {

  private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> METHODS = Map.of(
      GET.class, PathItem.HttpMethod.GET,
      POST.class, PathItem.HttpMethod.POST,
      PUT.class, PathItem.HttpMethod.PUT,
      DELETE.class, PathItem.HttpMethod.DELETE,
      PATCH.class, PathItem.HttpMethod.PATCH,
      HEAD.class, PathItem.HttpMethod.HEAD);

  /**
   * The one parser message that is expected. NOTE: Payara Micro 6.2025.10 appends a top-level
   * {@code endpoints} map of its own to every document, which is not an OpenAPI field. Payara's pull
   * request 7891 (merged January 2026) renames it {@code x-endpoints}, an allowed extension, so after
   * an upgrade this message should no longer appear.
   */
  private static final String PAYARA_ENDPOINTS_MESSAGE = "attribute endpoints is unexpected";

  private final NexusServer server;
  private final ProxyCalls calls;

  OpenApiIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  private String fetch(String url) throws Exception {
    HttpResponse<String> response = calls.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return response.body();
  }

  private static OpenAPI parse(String document, String source) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages().stream()
        .filter(message -> !message.equals(PAYARA_ENDPOINTS_MESSAGE))
        .toList();
    assertTrue(messages.isEmpty(), source + " has parser messages: " + messages);
    assertNotNull(result.getOpenAPI(), source + " did not parse");
    return result.getOpenAPI();
  }

  private List<String> documentUrls() throws Exception {
    return List.of(server.baseUrl() + "/openapi", server.baseUrl() + "/openapi?format=JSON",
        server.dashboardUrl() + "/openapi", server.dashboardUrl() + "/openapi?format=JSON");
  }

  @Test
  void documentParsesWithoutErrors() throws Exception {
    for (String url : documentUrls()) {
      String document = fetch(url);
      if (url.endsWith("format=JSON")) {
        assertTrue(document.strip().startsWith("{"), url + " is JSON");
      }
      OpenAPI api = parse(document, url);

      assertEquals("Claude Nexus Proxy JSON API", api.getInfo().getTitle(), url);
      assertNotNull(api.getInfo().getVersion(), url);
      assertNotNull(api.getServers(), url + " names its servers");
      assertEquals("/", api.getServers().get(0).getUrl(), url);
    }
  }

  @Test
  void securitySchemesDescribeKeys() throws Exception {
    OpenAPI api = parse(fetch(server.baseUrl() + "/openapi"), "proxy");
    var schemes = api.getComponents().getSecuritySchemes();

    assertEquals("X-Dashboard-Key", schemes.get("dashboardKey").getName());
    assertEquals("X-API-Key", schemes.get("apiKey").getName());
    assertEquals("bearer", schemes.get("bearer").getScheme());
    assertEquals("NEXUS_DASHBOARD_SESSION", schemes.get("session").getName());
  }

  @Test
  void everyResourceMethodDocumented() throws Exception {
    Set<String> expected = resourceOperations();
    for (String url : List.of(server.baseUrl() + "/openapi", server.dashboardUrl() + "/openapi")) {
      OpenAPI api = parse(fetch(url), url);
      Set<String> documented = documentedOperations(api);

      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(documented);
      Set<String> extra = new TreeSet<>(documented);
      extra.removeAll(expected);
      assertTrue(missing.isEmpty(), url + " does not document " + missing);
      assertTrue(extra.isEmpty(), url + " documents operations no resource has: " + extra);
    }
  }

  @Test
  void operationsDescribeErrors() throws Exception {
    OpenAPI api = parse(fetch(server.dashboardUrl() + "/openapi"), "dashboard");
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
        String name = operation.getKey() + " " + path.getKey();
        assertNotNull(operation.getValue().getSummary(), name + " has a summary");
        assertTrue(operation.getValue().getResponses().containsKey("401"), name + " documents 401");
        boolean write = operation.getKey() != PathItem.HttpMethod.GET;
        if (write) {
          assertTrue(operation.getValue().getResponses().containsKey("403"), name + " documents 403");
        } else {
          assertTrue(operation.getValue().getResponses().containsKey("429"), name + " documents 429");
        }
      }
    }
  }

  @Test
  void pagesAndProxyingLeftOut() throws Exception {
    OpenAPI api = parse(fetch(server.baseUrl() + "/openapi"), "proxy");
    for (String path : api.getPaths().keySet()) {
      assertTrue(path.startsWith("/api/"), path + " is outside /api");
    }
  }

  @Test
  void parametersCarryLimits() throws Exception {
    OpenAPI api = parse(fetch(server.baseUrl() + "/openapi"), "proxy");
    var limit = api.getPaths().get("/api/requests").getGet().getParameters().stream()
        .filter(parameter -> "limit".equals(parameter.getName()))
        .findFirst()
        .orElseThrow();

    assertEquals(500, limit.getSchema().getMaximum().intValue());
    assertEquals(100, ((Number) limit.getSchema().getDefault()).intValue());
  }

  /** Returns {@code METHOD /api/path} of every resource method of {@code /api}. */
  private static Set<String> resourceOperations() {
    Set<String> operations = new TreeSet<>();
    for (Class<?> type : ApiResources.classes()) {
      Path classPath = type.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        for (Map.Entry<Class<? extends Annotation>, PathItem.HttpMethod> http : METHODS.entrySet()) {
          if (method.isAnnotationPresent(http.getKey())) {
            Path methodPath = method.getAnnotation(Path.class);
            operations.add(http.getValue() + " " + join(classPath, methodPath));
          }
        }
      }
    }
    assertTrue(operations.size() > 20, "found the resource methods: " + operations);
    return operations;
  }

  private static String join(Path classPath, Path methodPath) {
    StringBuilder path = new StringBuilder("/api");
    for (Path part : new Path[] {classPath, methodPath}) {
      if (part != null) {
        String value = part.value().replaceAll("^/+|/+$", "");
        if (!value.isEmpty()) {
          path.append('/').append(value);
        }
      }
    }
    return path.toString();
  }

  private static Set<String> documentedOperations(OpenAPI api) {
    Set<String> operations = new TreeSet<>();
    api.getPaths().forEach((path, item) ->
        item.readOperationsMap().keySet().forEach(method -> operations.add(method + " " + path)));
    return operations;
  }
}
