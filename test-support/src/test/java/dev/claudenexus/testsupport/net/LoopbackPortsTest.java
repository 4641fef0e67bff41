package dev.claudenexus.testsupport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackPortsTest {

  @TempDir Path directory;

  @Test
  void portsAreFreeBelowTheEphemeralRangeAndNeverRepeated() throws IOException {
    int end = LoopbackPorts.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = LoopbackPorts.free();
      assertTrue(port >= LoopbackPorts.FIRST_PORT && port < end, "port " + port);
      assertTrue(seen.add(port), "port " + port + " handed out twice");
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, socket.getLocalPort());
      }
    }
  }

  @Test
  void rangeIsReadFromTheKernelSetting() throws IOException {
    Path file = Files.writeString(directory.resolve("range"), "40000\t60999\n");

    assertEquals(40_000, LoopbackPorts.ephemeralStart(file));
  }

  @Test
  void unusableSettingsFallBackToTheUsualStart() throws IOException {
    assertEquals(LoopbackPorts.USUAL_EPHEMERAL_START, LoopbackPorts.ephemeralStart(directory.resolve("missing")));
    assertEquals(LoopbackPorts.USUAL_EPHEMERAL_START,
        LoopbackPorts.ephemeralStart(Files.writeString(directory.resolve("low"), "1024 65535")));
    assertEquals(LoopbackPorts.USUAL_EPHEMERAL_START,
        LoopbackPorts.ephemeralStart(Files.writeString(directory.resolve("text"), "not a range")));
    assertEquals(LoopbackPorts.USUAL_EPHEMERAL_START,
        LoopbackPorts.ephemeralStart(Files.writeString(directory.resolve("empty"), "")));
  }
}
