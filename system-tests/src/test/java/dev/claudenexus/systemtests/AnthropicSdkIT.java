package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official Anthropic Java SDK as a client of the proxy. */
@ExtendWith(NexusServerExtension.class)
class AnthropicSdkIT {

  private final NexusServer server;
  private final StoredRequests stored;
  private final AnthropicClient client;

  AnthropicSdkIT(NexusServer server) {
    this.server = server;
    this.stored = new StoredRequests(server);
    this.client = AnthropicOkHttpClient.builder()
        .baseUrl(server.baseUrl())
        .apiKey(server.clientKey)
        .maxRetries(0)
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static MessageCreateParams params() {
    return MessageCreateParams.builder()
        .model(ProxyCalls.MODEL)
        .maxTokens(64)
        .addUserMessage("Say hello")
        .build();
  }

  @Test
  void sdkMessageThroughProxy() throws Exception {
    Message message = client.messages().create(params());
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals("Hello", message.content().get(0).asText().text());
    assertEquals(10, message.usage().inputTokens());
    assertEquals(NexusServer.UPSTREAM_API_KEY, upstream.header("x-api-key"));
    assertTrue(upstream.header("user-agent") != null);
  }

  @Test
  void sdkStreamThroughProxy() throws Exception {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> events = client.messages().createStreaming(params())) {
      List<RawMessageStreamEvent> all = events.stream().toList();
      all.forEach(event -> event.contentBlockDelta()
          .flatMap(delta -> delta.delta().text())
          .ifPresent(delta -> text.append(delta.text())));
      assertTrue(all.stream().anyMatch(event -> event.isMessageStop()));
    }
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals("Hello", text.toString());
    assertTrue(upstream.bodyText().contains("\"stream\":true"), upstream.bodyText());
    assertTrue(stored.awaitCount(1, Duration.ofSeconds(20), "response_streaming = ?", true) >= 1);
  }
}
