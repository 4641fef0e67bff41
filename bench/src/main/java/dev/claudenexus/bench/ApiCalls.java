package dev.claudenexus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Sends the calls of one variant, one at a time, and times each from sending the request to reading
 * the last byte of the response, on the benchmark's clock.
 */
final class ApiCalls {

  /** Maximum wait for one response. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

  /** Timings of one variant, in microseconds and sorted, or the failure that stopped it. */
  record Result(ApiVariant variant, long[] micros, long meanBytes, String failure) {

    int calls() {
      return micros.length;
    }

    /** Returns the nearest-rank percentile in milliseconds: the smallest time of that share of calls. */
    double percentileMillis(double percentile) {
      if (micros.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percentile / 100 * micros.length);
      return micros[Math.max(0, rank - 1)] / 1000.0;
    }

    double maxMillis() {
      return micros.length == 0 ? Double.NaN : micros[micros.length - 1] / 1000.0;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final Map<ApiVariant.Port, String> baseUrls;
  private final String key;
  private final Random random;

  ApiCalls(Map<ApiVariant.Port, String> baseUrls, String key, Random random) {
    this.baseUrls = baseUrls;
    this.key = key;
    this.random = random;
  }

  /**
   * Sends {@code warmup} untimed calls, then up to {@code calls} timed ones, and starts no timed call
   * after {@code limit}. The first response other than 200 stops the variant.
   */
  Result measure(ApiVariant variant, int warmup, int calls, Duration limit)
      throws InterruptedException {
    String base = baseUrls.get(variant.port());
    long[] micros = new long[calls];
    long bytes = 0;
    int done = 0;
    String failure = null;
    try {
      for (int i = 0; i < warmup; i++) {
        send(base + variant.target().apply(random));
      }
      long deadline = System.nanoTime() + limit.toNanos();
      while (done < calls && System.nanoTime() < deadline) {
        String target = base + variant.target().apply(random);
        long start = System.nanoTime();
        byte[] body = send(target);
        micros[done++] = (System.nanoTime() - start) / 1000;
        bytes += body.length;
      }
    } catch (IOException | IllegalStateException e) {
      failure = e.toString();
    }
    long[] measured = Arrays.copyOf(micros, done);
    Arrays.sort(measured);
    return new Result(variant, measured, done == 0 ? 0 : bytes / done, failure);
  }

  /**
   * Sends one GET and returns the body.
   *
   * @throws IllegalStateException when the status is not 200, with the start of the body
   */
  private byte[] send(String target) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(target))
        .header("X-Dashboard-Key", key)
        .header("Accept", "application/json")
        .timeout(CALL_TIMEOUT)
        .GET()
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      throw new IllegalStateException("GET " + target + " returned " + response.statusCode() + ": "
          + body.substring(0, Math.min(300, body.length())));
    }
    return response.body();
  }
}
