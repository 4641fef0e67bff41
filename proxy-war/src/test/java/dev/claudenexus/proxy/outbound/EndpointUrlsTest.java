package dev.claudenexus.proxy.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointUrlsTest {

  @Test
  void httpsAccepted() {
    assertEquals("hooks.slack.com", EndpointUrls.secure("https://hooks.slack.com/services/T/B/X").getHost());
  }

  @Test
  void loopbackHttpAccepted() {
    assertEquals(8080, EndpointUrls.secure("http://127.0.0.1:8080/slack").getPort());
    assertEquals("localhost", EndpointUrls.secure("http://localhost/slack").getHost());
    assertEquals("[::1]", EndpointUrls.secure("http://[::1]:9/slack").getHost());
  }

  @Test
  void remoteHttpRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EndpointUrls.secure("http://hooks.example.com/services/secret"));

    assertTrue(e.getMessage().contains("https://"));
    assertFalse(e.getMessage().contains("secret"), "the message must not repeat the URL");
  }

  @Test
  void hostThatOnlyStartsWithLoopbackRejected() {
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.secure("http://127.0.0.1.example.com/x"));
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.secure("http://localhost.example.com/x"));
  }

  @Test
  void otherSchemesRejected() {
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.secure("ftp://127.0.0.1/x"));
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.http("file:///etc/passwd"));
  }

  @Test
  void relativeOrInvalidUrlRejected() {
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.secure("/services/x"));
    assertThrows(IllegalArgumentException.class, () -> EndpointUrls.http("http://bad host/"));
  }

  @Test
  void telemetryAcceptsPlainHttp() {
    assertEquals("collector.internal", EndpointUrls.http("http://collector.internal:4318/v1").getHost());
  }
}
