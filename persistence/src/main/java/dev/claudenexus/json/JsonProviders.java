package dev.claudenexus.json;

import jakarta.json.spi.JsonProvider;

/** The application's JSON-P provider, looked up once. */
public final class JsonProviders {

  /**
   * The provider that {@code jakarta.json.Json} would find. Each static method of {@code Json}
   * looks the provider up again with a {@code ServiceLoader}, which on Payara scans every jar of
   * the web application. In the storage writer that scan took more CPU than the parsing itself.
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonProviders() {
  }
}
