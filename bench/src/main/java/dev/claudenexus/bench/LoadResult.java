package dev.claudenexus.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Outcome of one closed-loop run: latency and first-byte histograms in microseconds, the number of
 * successful requests, failures by reason and the wall-clock time of the run.
 *
 * @param endpoint {@code direct} or {@code proxy}
 * @param shape the request kind
 * @param clients number of concurrent clients
 * @param planned requests the run was asked to send
 * @param succeeded requests that returned 200 with a complete body
 * @param failures failed requests by reason, for example {@code HTTP 500}
 * @param elapsedNanos time from the start of the first request to the end of the last
 * @param stoppedByTimeLimit whether the run ended at its time limit before sending every request
 * @param latencyMicros time from sending the request to reading the last body byte
 * @param firstByteMicros time from sending the request to reading the first body byte
 * @param proxyCpuMillis CPU time the proxy process used during the run, or -1 when not measured
 */
record LoadResult(
    String endpoint,
    RequestShape shape,
    int clients,
    int planned,
    long succeeded,
    Map<String, Long> failures,
    long elapsedNanos,
    boolean stoppedByTimeLimit,
    Histogram latencyMicros,
    Histogram firstByteMicros,
    long proxyCpuMillis) {

  LoadResult {
    failures = new TreeMap<>(failures);
  }

  /** Returns a copy with the proxy's CPU time of the run. */
  LoadResult withProxyCpuMillis(long millis) {
    return new LoadResult(endpoint, shape, clients, planned, succeeded, failures, elapsedNanos,
        stoppedByTimeLimit, latencyMicros, firstByteMicros, millis);
  }

  /** Returns the proxy's CPU time per request in microseconds, or -1 when not measured. */
  double proxyCpuMicrosPerRequest() {
    long requests = succeeded + failed();
    return proxyCpuMillis < 0 || requests == 0 ? -1 : proxyCpuMillis * 1000.0 / requests;
  }

  long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns successful requests per second of wall-clock time. */
  double throughput() {
    return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
  }

  /** Returns a latency percentile in milliseconds, for example {@code latencyMillis(99)}. */
  double latencyMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Returns a first-byte percentile in milliseconds. */
  double firstByteMillis(double percentile) {
    return firstByteMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Returns the failures as {@code reason xN, ...}, or {@code none}. */
  String failureSummary() {
    if (failures.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    failures.forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ")
        .append(reason).append(" x").append(count));
    return text.toString();
  }
}
