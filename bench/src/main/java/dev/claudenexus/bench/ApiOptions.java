package dev.claudenexus.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Settings of the API query benchmark, from the {@code --name value} arguments of {@link #USAGE}. */
record ApiOptions(long rows, Duration rowsBudget, int rowsBatch, int calls, int warmup,
    Duration variantLimit, boolean proxyPort, String database, boolean keepDatabase, String pgHost,
    int pgPort, String pgUser, long seed, String output, Map<String, String> arguments) {

  static final String USAGE = """
      Usage: bench/api.sh [--name value ...]

        --rows N                   synthetic rows to insert into the fresh database (default 1000000)
        --rows-budget-seconds S    stop inserting rows after about this long (default 900)
        --rows-batch N             rows per INSERT ... SELECT statement (default 50000)
        --calls N                  timed calls per endpoint variant (default 50)
        --warmup N                 untimed calls before them (default 5)
        --variant-seconds S        longest time the timed calls of one variant may take; a variant
                                   that reaches it reports fewer calls (default 60)
        --proxy-port true|false    also measure the variants whose query differs on the proxy's
                                   port, /api/requests and /api/conversations with totals (default true)
        --database NAME            use this existing PostgreSQL database, already filled by an earlier
                                   run with --keep-database, instead of a fresh one; it is migrated
                                   and analysed, not filled, and not dropped
        --keep-database true       do not drop the fresh database at the end (default false)
        --pg-host H, --pg-port P, --pg-user U
                                   PostgreSQL server (default 127.0.0.1, 5432, postgres; trust
                                   authentication)
        --seed N                   seed of the random parameter choices (default 1)
        --output FILE              report file, relative to the repository root (default
                                   docs/benchmarks.md); the run replaces only its own result block
      """;

  /** Prefix of the databases this benchmark creates and of those it accepts with --database. */
  static final String DATABASE_PREFIX = "nexus_apibench";

  private static final Set<String> NAMES = Set.of("rows", "rows-budget-seconds", "rows-batch",
      "calls", "warmup", "variant-seconds", "proxy-port", "database", "keep-database", "pg-host",
      "pg-port", "pg-user", "seed", "output");

  /**
   * Parses {@code --name value} pairs.
   *
   * @throws IllegalArgumentException naming the argument that is unknown, lacks a value or is invalid
   */
  static ApiOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !NAMES.contains(name.substring(2))) {
        throw new IllegalArgumentException("Unknown argument " + name + "\n" + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Argument " + name + " needs a value\n" + USAGE);
      }
      values.put(name.substring(2), args[++i]);
    }
    String database = values.get("database");
    if (database != null && !database.matches(DATABASE_PREFIX + "[a-z0-9_]*")) {
      throw new IllegalArgumentException("--database must name a database that starts with "
          + DATABASE_PREFIX + " and has only a-z, 0-9 and _: " + database);
    }
    return new ApiOptions(number(values, "rows", 1_000_000),
        Duration.ofSeconds(number(values, "rows-budget-seconds", 900)),
        (int) number(values, "rows-batch", 50_000), (int) number(values, "calls", 50),
        (int) number(values, "warmup", 5),
        Duration.ofSeconds(number(values, "variant-seconds", 60)),
        flag(values, "proxy-port", true), database, flag(values, "keep-database", false),
        values.getOrDefault("pg-host", "127.0.0.1"), (int) number(values, "pg-port", 5432),
        values.getOrDefault("pg-user", "postgres"), number(values, "seed", 1),
        values.getOrDefault("output", "docs/benchmarks.md"), Collections.unmodifiableMap(values));
  }

  /** Returns the command line of this run, for the report. */
  String commandLine() {
    StringBuilder text = new StringBuilder("bench/api.sh");
    arguments.forEach((name, value) -> text.append(" --").append(name).append(' ').append(value));
    return text.toString();
  }

  private static long number(Map<String, String> values, String name, long defaultValue) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + text);
    }
  }

  private static boolean flag(Map<String, String> values, String name, boolean defaultValue) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("--" + name + " must be true or false: " + text);
    }
    return Boolean.parseBoolean(text);
  }
}
