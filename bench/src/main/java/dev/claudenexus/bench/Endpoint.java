package dev.claudenexus.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Target of the load: the fake API itself, or the proxy in front of it.
 *
 * @param name {@code direct} or {@code proxy}, as the report prints it
 * @param baseUrl {@code http://127.0.0.1:PORT} without a trailing slash
 * @param apiKey value of the {@code x-api-key} header: the proxy's client key, or a dummy for the fake
 */
record Endpoint(String name, String baseUrl, String apiKey) {

  /** Builds a {@code POST /v1/messages} request with this body and the headers an SDK would send. */
  HttpRequest messages(byte[] body, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages"))
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("anthropic-version", "2023-06-01")
        .header("x-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
