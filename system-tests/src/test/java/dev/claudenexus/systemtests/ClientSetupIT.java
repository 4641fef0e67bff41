package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class ClientSetupIT {

  private final NexusServer server;
  private final ProxyCalls calls;

  ClientSetupIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  /** Sends a GET with the path exactly as written, percent-escapes included. */
  private HttpResponse<String> get(String rawPath) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + rawPath)).build();
    return calls.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scriptServedWithCacheHeader() throws Exception {
    HttpResponse<String> response = get("/client-setup/setup.sh");

    assertEquals(200, response.statusCode());
    assertEquals(NexusServer.SETUP_SCRIPT, response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/x-shellscript"));
    assertEquals("public, max-age=3600", response.headers().firstValue("cache-control").orElse(""));
  }

  @Test
  void jsonServedAsJson() throws Exception {
    HttpResponse<String> response = get("/client-setup/settings.json");

    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
  }

  @Test
  void missingFileNotFound() throws Exception {
    HttpResponse<String> response = get("/client-setup/missing.sh");

    assertEquals(404, response.statusCode());
    assertEquals("File not found", response.body());
  }

  @Test
  void encodedDotsRejected() throws Exception {
    HttpResponse<String> response = get("/client-setup/%2e%2e");

    assertEquals(400, response.statusCode());
    assertEquals("Invalid filename", response.body());
  }

  @Test
  void encodedTraversalNeverServesOutside() throws Exception {
    String credentialFile = server.domain() + ".credentials.json";
    String[] paths = {
      "/client-setup/..%2Fcredentials%2F" + credentialFile,
      "/client-setup/%2e%2e%2fcredentials%2f" + credentialFile,
      "/client-setup/..%5Ccredentials%5C" + credentialFile,
      "/client-setup/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
      "/client-setup/setup.sh%00.txt",
    };
    for (String path : paths) {
      HttpResponse<String> response = get(path);

      assertTrue(response.statusCode() == 400 || response.statusCode() == 404,
          path + " answered " + response.statusCode());
      assertFalse(response.body().contains(server.clientKey), path);
      assertFalse(response.body().contains("root:"), path);
    }
  }
}
