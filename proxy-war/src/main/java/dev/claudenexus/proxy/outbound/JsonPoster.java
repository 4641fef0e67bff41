package dev.claudenexus.proxy.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts JSON documents with one time limit for the whole exchange: connecting, sending, and reading
 * the response. A receiver that accepts the connection and never responds costs at most that limit.
 */
public final class JsonPoster {

  private final HttpClient http;
  private final Duration timeout;

  public JsonPoster(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Posts the document and returns the response status.
   *
   * @throws IOException when the connection fails or the time limit passes (the request is
   *     cancelled then)
   */
  public int post(URI url, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
    CompletableFuture<HttpResponse<Void>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("no response within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    }
  }
}
