package dev.claudenexus.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings of the linking benchmark, from {@code --name value} pairs. */
record LinkingOptions(List<String> databases, int records, long rows, long h2Rows, boolean relink,
    java.time.Duration relinkBudget, String pgHost, int pgPort, String pgUser, String output,
    String commandLine) {

  private static final Set<String> NAMES = Set.of("databases", "records", "rows", "h2-rows", "relink", "relink-budget-seconds",
      "pg-host", "pg-port", "pg-user", "output");

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming an unknown argument or one without a value
   */
  static LinkingOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!NAMES.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs with a name from " + NAMES
            + ", got " + args[i]);
      }
      values.put(name, args[i + 1]);
    }
    List<String> databases = Arrays.asList(values.getOrDefault("databases", "h2,postgresql").split(","));
    for (String database : databases) {
      if (!database.equals("h2") && !database.equals("postgresql")) {
        throw new IllegalArgumentException("--databases lists h2 and postgresql, not " + database);
      }
    }
    return new LinkingOptions(databases, Integer.parseInt(values.getOrDefault("records", "5000")),
        Long.parseLong(values.getOrDefault("rows", "1000000")),
        Long.parseLong(values.getOrDefault("h2-rows", "0")),
        Boolean.parseBoolean(values.getOrDefault("relink", "true")),
        java.time.Duration.ofSeconds(Long.parseLong(values.getOrDefault("relink-budget-seconds", "600"))),
        values.getOrDefault("pg-host", "127.0.0.1"),
        Integer.parseInt(values.getOrDefault("pg-port", "5432")),
        values.getOrDefault("pg-user", "postgres"),
        values.getOrDefault("output", "docs/benchmarks-linking.md"),
        "bench/linking.sh " + String.join(" ", args));
  }
}
