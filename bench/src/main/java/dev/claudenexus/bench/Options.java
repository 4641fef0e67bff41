package dev.claudenexus.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings of one benchmark run, from the {@code --name value} arguments listed in {@link #USAGE}. */
final class Options {

  static final String USAGE = """
      Usage: bench/run.sh [--name value ...]

        --phases LIST              phases to run, from latency,latency-h2,h2,postgresql (default:
                                   all four); latency-h2 repeats the latency runs with storage on H2
        --requests N               measured requests per latency run (default 3000)
        --warmup N                 unmeasured requests before each run, per endpoint (default 500)
        --proxy-warmup N           requests sent through each new proxy before any run (default 10000),
                                   followed by rounds of 2,000 until the proxy's JIT compilers settle
        --clients LIST             concurrent clients of the latency runs (default 1,10,50)
        --storage-requests N       requests per storage run (default 10000)
        --storage-clients LIST     concurrent clients of the storage runs (default 10,50)
        --rows N                   synthetic rows to insert on PostgreSQL, 0 to skip them and the runs
                             after them (default 1000000)
        --rows-budget-seconds S    stop inserting rows after about this long (default 180)
        --rows-batch N             rows per INSERT ... SELECT statement (default 50000)
        --streams N                streams held open at once in the h2 phase, 0 to skip (default 500)
        --stream-hold-seconds S    how long the fake holds each of those streams open (default 20)
        --time-limit-seconds S     longest time one run may send requests (default 120)
        --pg-host H, --pg-port P, --pg-user U
                                   PostgreSQL server for the fresh database (default 127.0.0.1, 5432,
                                   postgres; trust authentication)
        --proxy-env LIST           more environment variables for every proxy, as NAME=VALUE pairs
                                   separated by commas, for example STORAGE_BATCH_SIZE=500
        --java-opts "OPTS"         NEXUS_JAVA_OPTS of the proxy (default: unset, so the launcher uses
                                   -Xms64m -Xmx200m -Xss512k -XX:+UseSerialGC
                                   -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40
                                   -Djdk.nio.maxCachedBufferSize=16384)
        --jfr true                 record each proxy with Java Flight Recorder after its warm-up and
                             report where it spends CPU
        --output FILE              report file, relative to the repository root (default docs/benchmarks.md)
      """;

  private static final Set<String> PHASES = Set.of("latency", "latency-h2", "h2", "postgresql");
  private static final Set<String> NAMES = Set.of("phases", "requests", "warmup", "proxy-warmup", "clients",
      "storage-requests", "storage-clients", "rows", "rows-budget-seconds", "rows-batch", "streams",
      "stream-hold-seconds", "time-limit-seconds", "pg-host", "pg-port", "pg-user", "proxy-env", "java-opts", "jfr",
      "output");

  private final Map<String, String> values = new LinkedHashMap<>();

  private Options() {
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @throws IllegalArgumentException naming the argument that is unknown, lacks a value or is invalid
   */
  static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !NAMES.contains(name.substring(2))) {
        throw new IllegalArgumentException("Unknown argument " + name + "\n" + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Argument " + name + " needs a value\n" + USAGE);
      }
      options.values.put(name.substring(2), args[++i]);
    }
    for (String phase : options.phases()) {
      if (!PHASES.contains(phase)) {
        throw new IllegalArgumentException("Unknown phase " + phase + ". Use latency, h2 or postgresql.");
      }
    }
    return options;
  }

  /** Returns the arguments by name, in the order given, for the report. */
  Map<String, String> arguments() {
    return values;
  }

  List<String> phases() {
    return list("phases", "latency,latency-h2,h2,postgresql");
  }

  int requests() {
    return integer("requests", 3000);
  }

  int warmup() {
    return integer("warmup", 500);
  }

  int proxyWarmup() {
    return integer("proxy-warmup", 10000);
  }

  List<Integer> clients() {
    return list("clients", "1,10,50").stream().map(Integer::parseInt).toList();
  }

  int storageRequests() {
    return integer("storage-requests", 10000);
  }

  List<Integer> storageClients() {
    return list("storage-clients", "10,50").stream().map(Integer::parseInt).toList();
  }

  long rows() {
    return Long.parseLong(values.getOrDefault("rows", "1000000"));
  }

  Duration rowsBudget() {
    return Duration.ofSeconds(integer("rows-budget-seconds", 180));
  }

  int rowsBatch() {
    return integer("rows-batch", 50000);
  }

  int streams() {
    return integer("streams", 500);
  }

  Duration streamHold() {
    return Duration.ofSeconds(integer("stream-hold-seconds", 20));
  }

  Duration timeLimit() {
    return Duration.ofSeconds(integer("time-limit-seconds", 120));
  }

  String pgHost() {
    return values.getOrDefault("pg-host", "127.0.0.1");
  }

  int pgPort() {
    return integer("pg-port", 5432);
  }

  String pgUser() {
    return values.getOrDefault("pg-user", "postgres");
  }

  /**
   * Returns the extra environment variables of {@code --proxy-env}.
   *
   * @throws IllegalArgumentException when a pair has no {@code =} or an empty name
   */
  Map<String, String> proxyEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String pair : list("proxy-env", "")) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--proxy-env needs NAME=VALUE pairs: " + pair);
      }
      environment.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return environment;
  }

  /** Returns NEXUS_JAVA_OPTS for the proxy, or null to leave it unset. */
  String javaOpts() {
    return values.get("java-opts");
  }

  boolean jfr() {
    return Boolean.parseBoolean(values.getOrDefault("jfr", "false"));
  }

  String output() {
    return values.getOrDefault("output", "docs/benchmarks.md");
  }

  private int integer(String name, int defaultValue) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + text);
    }
  }

  private List<String> list(String name, String defaultValue) {
    return Arrays.stream(values.getOrDefault(name, defaultValue).split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
