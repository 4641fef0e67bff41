package dev.claudenexus.bench;

import java.util.Random;
import java.util.function.Function;

/**
 * One way of calling an endpoint: its path, a description of the parameters, the port it is sent to,
 * and the function that builds the path and query of each call from the shared random source.
 */
record ApiVariant(String endpoint, String parameters, Port port, Function<Random, String> target) {

  /** The service whose port receives the calls; both serve {@code /api/*}. */
  enum Port {
    DASHBOARD("dashboard"),
    PROXY("proxy");

    final String label;

    Port(String label) {
      this.label = label;
    }
  }

  static ApiVariant dashboard(String endpoint, String parameters, Function<Random, String> target) {
    return new ApiVariant(endpoint, parameters, Port.DASHBOARD, target);
  }

  static ApiVariant proxy(String endpoint, String parameters, Function<Random, String> target) {
    return new ApiVariant(endpoint, parameters, Port.PROXY, target);
  }
}
