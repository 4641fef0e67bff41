package dev.claudenexus.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders the linking benchmark's page. */
final class LinkingReport {

  private LinkingReport() {}

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static String render(LinkingOptions options, List<String> sections) {
    StringBuilder page = new StringBuilder();
    page.append("# Conversation linking benchmark\n\n");
    page.append("What linking costs the storage writer. The benchmark drives the writer's own batch")
        .append(" inserter in one JVM, without a proxy, with `CONVERSATION_HASH_MODE=current`.")
        .append(" Each writer run uses a new inserter, so its memory of recent requests starts empty")
        .append(" and the first turn of every session is looked up in the database.\n\n");
    page.append("- Writer runs: sessions of 10 turns with 50 KB request bodies, turns of all")
        .append(" sessions interleaved; batches of 100 records; the rate counts hashing, linking")
        .append(" queries and inserts.\n");
    page.append("- Table size: PostgreSQL runs again after synthetic rows of about 2 KB were added")
        .append(" (linked sessions of 10 turns, 50 domains).\n");
    page.append("- Relink: `Relinker` over every stored row, batches of 500, one transaction each,")
        .append(" within a time budget; when the budget ends first, the time for all rows is")
        .append(" projected from the rate, and is an estimate.\n");
    page.append("- Load: other builds may share the machine; the load average at the end of the run")
        .append(" was ").append(loadAverage()).append(".\n\n");
    page.append("Command: `").append(options.commandLine()).append("`  \n");
    page.append("Date: ").append(ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ISO_LOCAL_DATE)).append("  \n");
    page.append("Machine: ").append(MachineInfo.cpuModel()).append(", ")
        .append(MachineInfo.processors()).append(" processors, Java ")
        .append(System.getProperty("java.version")).append("\n\n");
    page.append("```\n").append(MachineInfo.memory()).append("\n```\n\n");
    for (String section : sections) {
      page.append(section.replaceFirst("\n\n", "\n\n| Run | Size | Time | Rate | Linking |\n"
          + "|---|---|---|---|---|\n")).append("\n");
    }
    return page.toString();
  }
}
