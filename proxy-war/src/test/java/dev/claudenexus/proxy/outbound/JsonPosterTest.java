package dev.claudenexus.proxy.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.webhook.FakeWebhookServer;
import dev.claudenexus.testsupport.webhook.ReceivedPost;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonPosterTest {

  private final FakeWebhookServer receiver = FakeWebhookServer.start();

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsJsonAndReturnsStatus() throws Exception {
    JsonPoster poster = new JsonPoster(Duration.ofSeconds(5));

    int status = poster.post(URI.create(receiver.url("/hook")), "{\"text\":\"hi\"}");

    assertEquals(200, status);
    ReceivedPost post = receiver.received("/hook").get(0);
    assertEquals("POST", post.method());
    assertEquals("{\"text\":\"hi\"}", post.body());
    assertTrue(post.headers().get("content-type").get(0).startsWith("application/json"));
  }

  @Test
  void hangingReceiverEndsWithinTimeLimit() {
    receiver.hang(true);
    JsonPoster poster = new JsonPoster(Duration.ofMillis(300));
    long start = System.nanoTime();

    assertThrows(IOException.class, () -> poster.post(URI.create(receiver.url("/hook")), "{}"));

    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMs < 10_000, "the post took " + elapsedMs + " ms despite a 300 ms limit");
  }
}
