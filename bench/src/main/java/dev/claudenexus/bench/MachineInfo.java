package dev.claudenexus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Facts about the machine that the report prints next to the numbers. */
final class MachineInfo {

  private static volatile long clockTicks;

  private MachineInfo() {
  }

  /** Returns the output of {@code nproc}. */
  static String processors() {
    return command("nproc").strip();
  }

  /** Returns the output of {@code free -h}. */
  static String memory() {
    return command("free", "-h").stripTrailing();
  }

  /** Returns the first {@code model name} of {@code /proc/cpuinfo}. */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
      return "unknown (no model name in /proc/cpuinfo)";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Returns the Java runtime that runs the benchmark, which bin/nexus also starts the proxy on. */
  static String java() {
    return System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")";
  }

  /** Returns the 1, 5 and 15 minute load averages from {@code /proc/loadavg}. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Returns the kernel's clock ticks per second from {@code getconf CLK_TCK}, the unit of {@code /proc/PID/stat} times. */
  static long clockTicksPerSecond() {
    if (clockTicks == 0) {
      clockTicks = Long.parseLong(command("getconf", "CLK_TCK").strip());
    }
    return clockTicks;
  }

  /** Returns the output of {@code uptime}. */
  static String uptime() {
    return command("uptime").strip();
  }

  /** Returns the kernel release from {@code uname -r}. */
  static String kernel() {
    return command("uname", "-r").strip();
  }

  /** Returns the commit checked out in {@code root}, with {@code (modified)} when files differ from it. */
  static String gitCommit(Path root) {
    String commit = command(root, "git", "rev-parse", "--short", "HEAD").strip();
    String changes = command(root, "git", "status", "--porcelain", "--untracked-files=no").strip();
    return changes.isEmpty() ? commit : commit + " (modified)";
  }

  private static String command(String... line) {
    return command(Path.of("."), line);
  }

  private static String command(Path directory, String... line) {
    try {
      Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "unknown (" + String.join(" ", line) + " timed out)";
      }
      return output;
    } catch (IOException e) {
      return "unknown (" + String.join(" ", line) + " failed: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }
}
