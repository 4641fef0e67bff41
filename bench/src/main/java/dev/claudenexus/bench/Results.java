package dev.claudenexus.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, by phase, collected for the report. */
final class Results {

  /** The same load sent to the fake directly and through the proxy. */
  /**
   * One latency row.
   *
   * @param unstoredRows requests through the proxy not yet in its database when the measured run
   *     ended, or -1 with storage off
   */
  record LatencyPair(LoadResult direct, LoadResult proxy, long unstoredRows) {

    double addedMillis(double percentile) {
      return proxy.latencyMillis(percentile) - direct.latencyMillis(percentile);
    }

    double addedFirstByteMillis(double percentile) {
      return proxy.firstByteMillis(percentile) - direct.firstByteMillis(percentile);
    }
  }

  /** One phase: one proxy start, its settings, what was measured through it, and the machine's load. */
  static final class Phase {
    final String name;
    final String database;
    Map<String, String> proxySettings = Map.of();
    long startSeconds;
    long idleRssKib;
    long idleRssAfterKib;
    long peakRssKib;
    HeapInfo heapAfterStart;
    HeapInfo heapAfterRuns;
    /** Committed KiB by Native Memory Tracking category after the runs, empty unless NMT was on. */
    Map<String, Long> nativeMemoryKib = Map.of();
    String loadBefore = "";
    String loadAfter = "";
    long elapsedSeconds;
    /** Requests sent through the proxy before its first measured run. */
    long warmupRequests;
    /** JIT compilations during the last warm-up round, -1 when the count could not be read. */
    long warmupLastRoundCompiles;
    String failure;
    HotMethods.Profile profile;
    final List<LatencyPair> latency = new ArrayList<>();
    /** Direct runs of the storage runs' load, by client count, as the ceiling of client and fake. */
    final Map<Integer, LoadResult> directReference = new LinkedHashMap<>();
    final List<StorageRun.Result> storageRuns = new ArrayList<>();
    final List<StorageRun.Result> storageRunsAfterRows = new ArrayList<>();
    SyntheticRows.Fill fill;
    OpenStreams.Result streams;

    Phase(String name, String database) {
      this.name = name;
      this.database = database;
    }
  }

  final OffsetDateTime started = OffsetDateTime.now();
  String command = "";
  String gitCommit = "";
  String postgresVersion = "";
  final List<Phase> phases = new ArrayList<>();
}
