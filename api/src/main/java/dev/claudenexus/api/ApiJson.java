package dev.claudenexus.api;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider that the API and the pages build their documents with. Each static
 * {@code jakarta.json.Json} factory method looks the provider up with a {@code ServiceLoader} on every
 * call, which made large responses spend most of their time on lookups.
 */
public final class ApiJson {

  /** The provider, looked up once. Its builders and readers are independent of each other. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private ApiJson() {}
}
