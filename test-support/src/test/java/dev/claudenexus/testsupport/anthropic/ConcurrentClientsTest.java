package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentClientsTest {

  private static final int REQUESTS = 300;

  @Test
  void parallelStreamsAllComplete() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (FakeAnthropicApi api = FakeAnthropicApi.start()) {
      api.setRequestRecording(false);
      HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
          .timeout(Duration.ofSeconds(20))
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true}"))
          .build();

      List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
      }
      CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);

      assertTrue(responses.stream().allMatch(response -> response.join().statusCode() == 200));
      assertTrue(responses.stream().allMatch(response -> endsWithMessageStop(response.join().body())));
      assertEquals(REQUESTS, api.requestCount());
      assertEquals(List.of(), api.aborts());
    }
  }

  private static boolean endsWithMessageStop(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  }
}
