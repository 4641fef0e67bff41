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
 * "Address already in use". These ports lie below that range, and none is handed out twice by one
 * JVM.
 */
public final class LoopbackPorts {

  /** The lowest port handed out. */
  static final int FIRST_PORT = 20_000;
  /** The start of the ephemeral range on Linux when the kernel's setting cannot be used. */
  static final int USUAL_EPHEMERAL_START = 32_768;
  private static final int ATTEMPTS = 500;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int END = ephemeralStart(EPHEMERAL_RANGE);
  private static final Set<Integer> ISSUED = ConcurrentHashMap.newKeySet();

  private LoopbackPorts() {}

  /** Returns a port that is free on 127.0.0.1 now, below the ephemeral range and new in this JVM. */
  public static int free() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, END);
      if (!ISSUED.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Another server listens there; try another port.
      }
    }
    throw new IOException("No free port between " + FIRST_PORT + " and " + END + " on 127.0.0.1 after "
        + ATTEMPTS + " attempts");
  }

  /**
   * Returns the first port of the kernel's ephemeral range read from {@code rangeFile}, or {@value
   * #USUAL_EPHEMERAL_START} when the file cannot be read or leaves fewer than 2,000 ports above
   * {@value #FIRST_PORT}.
   */
  static int ephemeralStart(Path rangeFile) {
    try {
      String range = Files.readString(rangeFile).trim();
      int start = Integer.parseInt(range.split("\\s+")[0]);
      return start >= FIRST_PORT + 2_000 ? start : USUAL_EPHEMERAL_START;
    } catch (IOException | RuntimeException e) {
      return USUAL_EPHEMERAL_START;
    }
  }
}
