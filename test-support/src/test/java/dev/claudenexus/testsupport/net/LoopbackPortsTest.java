package dev.claudenexus.testsupport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.net.LoopbackPorts.Range;
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

  private Range rangeFor(String setting) throws IOException {
    return LoopbackPorts.outsideEphemeral(Files.writeString(directory.resolve("range"), setting));
  }

  @Test
  void portsFreeOutsideRangeAndUnique() throws IOException {
    Range range = LoopbackPorts.outsideEphemeral(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = LoopbackPorts.free();
      assertTrue(port >= range.first(), "port " + port + " below " + range);
      assertTrue(port < range.end(), "port " + port + " above " + range);
      assertTrue(seen.add(port), "port " + port + " handed out twice");
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, socket.getLocalPort());
      }
    }
  }

  @Test
  void portsBelowTheKernelRange() throws IOException {
    assertEquals(new Range(20_000, 40_000), rangeFor("40000\t60999\n"));
  }

  @Test
  void portsAboveALowKernelRange() throws IOException {
    assertEquals(new Range(50_001, 65_536), rangeFor("1024 50000"));
  }

  @Test
  void unusableSettingsFallBackToTheUsualPorts() throws IOException {
    assertEquals(LoopbackPorts.USUAL, LoopbackPorts.outsideEphemeral(directory.resolve("missing")));
    assertEquals(LoopbackPorts.USUAL, rangeFor("1024 65535"));
    assertEquals(LoopbackPorts.USUAL, rangeFor("not a range"));
    assertEquals(LoopbackPorts.USUAL, rangeFor("40000"));
    assertEquals(LoopbackPorts.USUAL, rangeFor(""));
  }
}
