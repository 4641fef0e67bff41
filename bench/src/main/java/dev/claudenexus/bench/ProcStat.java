package dev.claudenexus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc/PID/stat}. */
final class ProcStat {

  private ProcStat() {
  }

  /** Returns the user plus system CPU time of a process in milliseconds, from fields 14 and 15. */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // The command name in field 2 may contain spaces, so count the fields after its closing bracket.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / MachineInfo.clockTicksPerSecond();
  }
}
