package dev.claudenexus.testsupport.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for servers that a test or benchmark starts as another process. A port
 * from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, where any outgoing
 * connection of the run may take it before the server binds it, and the start then fails with
 * "Address already in use". These ports lie outside that range, and none is handed out twice by
 * one JVM.
 */
public final class LoopbackPorts {

  /** The lowest port handed out below the ephemeral range. */
  static final int FIRST_PORT = 20_000;
  /** The minimum number of ports a range outside the ephemeral one needs to be used. */
  static final int MIN_PORTS = 2_000;
  /** The ports used when the kernel's setting cannot be read: below Linux's default range. */
  static final Range USUAL = new Range(FIRST_PORT, 32_768);

  private static final int ATTEMPTS = 500;
  private static final Range RANGE = outsideEphemeral(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
  private static final Set<Integer> ISSUED = ConcurrentHashMap.newKeySet();

  private LoopbackPorts() {}

  /** Ports from {@code first} up to but not including {@code end}. */
  record Range(int first, int end) {}

  /** Returns a port that is free on 127.0.0.1 now, outside the ephemeral range and new in this JVM. */
  public static int free() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(RANGE.first(), RANGE.end());
      if (!ISSUED.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Another server listens there; try another port.
      }
    }
    throw new IOException("No free port from " + RANGE.first() + " to " + (RANGE.end() - 1)
        + " on 127.0.0.1 after " + ATTEMPTS + " attempts");
  }

  /**
   * Returns the ports below the kernel's ephemeral range read from {@code rangeFile}, from
   * {@value #FIRST_PORT}, or those above it when too few lie below. Returns {@link #USUAL} when the
   * file cannot be read, and when neither side has {@value #MIN_PORTS} ports; the outgoing
   * connections of the run may then take a port.
   */
  static Range outsideEphemeral(Path rangeFile) {
    try {
      String[] bounds = Files.readString(rangeFile).trim().split("\\s+");
      int start = Integer.parseInt(bounds[0]);
      int last = Integer.parseInt(bounds[1]);
      if (start - FIRST_PORT >= MIN_PORTS) {
        return new Range(FIRST_PORT, start);
      }
      if (65_535 - last >= MIN_PORTS) {
        return new Range(last + 1, 65_536);
      }
      return USUAL;
    } catch (IOException | RuntimeException e) {
      return USUAL;
    }
  }
}
