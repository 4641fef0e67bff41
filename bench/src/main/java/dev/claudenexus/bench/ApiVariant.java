package dev.claudenexus.bench;

import java.util.Random;
import java.util.function.Function;

/**
 * One way of calling an endpoint: its path, a description of the parameters, and the port it is sent
 * to. The target function builds the path and query of each call from the shared random source.
 * The p95 target is 200 ms for the JSON API and 500 ms for a dashboard page.
 */
record ApiVariant(String endpoint, String parameters, Port port, Function<Random, String> target,
    double targetMillis) {

  static final double API_TARGET_MILLIS = 200;
  static final double PAGE_TARGET_MILLIS = 500;

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
    return new ApiVariant(endpoint, parameters, Port.DASHBOARD, target, API_TARGET_MILLIS);
  }

  /** Returns a page of the dashboard, which has the pages' target. */
  static ApiVariant page(String endpoint, String parameters, Function<Random, String> target) {
    return new ApiVariant(endpoint, parameters, Port.DASHBOARD, target, PAGE_TARGET_MILLIS);
  }

  static ApiVariant proxy(String endpoint, String parameters, Function<Random, String> target) {
    return new ApiVariant(endpoint, parameters, Port.PROXY, target, API_TARGET_MILLIS);
  }
}
