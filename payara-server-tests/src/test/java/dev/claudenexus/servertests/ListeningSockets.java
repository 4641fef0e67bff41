package dev.claudenexus.servertests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The TCP listening sockets and bound UDP sockets of one process, read with {@code ss -H -ltunp}
 * (iproute2). Reading another user's processes needs root, as on the test machines.
 */
final class ListeningSockets {

  /** One socket: protocol ({@code tcp} or {@code udp}) and local address with port. */
  record Socket(String protocol, String localAddress) {

    /** Returns the address without the port, as ss prints it (IPv6 in brackets). */
    String host() {
      return localAddress.substring(0, localAddress.lastIndexOf(':'));
    }

    int port() {
      return Integer.parseInt(localAddress.substring(localAddress.lastIndexOf(':') + 1));
    }

    /** Returns whether the socket accepts traffic only from this machine's loopback interface. */
    boolean isLoopback() {
      String host = host();
      return host.equals("127.0.0.1") || host.equals("[::ffff:127.0.0.1]") || host.equals("[::1]");
    }
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private ListeningSockets() {}

  static List<Socket> of(long pid) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("ss", "-H", "-l", "-t", "-u", "-n", "-p")
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("ss -ltunp failed: " + output);
    }
    return parse(output, pid);
  }

  /** Parses ss output lines such as {@code tcp LISTEN 0 50 127.0.0.1:4848 0.0.0.0:* users:(("java",pid=7,fd=9))}. */
  static List<Socket> parse(String output, long pid) {
    String owner = "pid=" + pid + ",";
    List<Socket> sockets = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.contains(owner)) {
        continue;
      }
      String[] columns = WHITESPACE.split(line.strip());
      if (columns.length < 6) {
        throw new IllegalStateException("Unexpected ss line: " + line);
      }
      sockets.add(new Socket(columns[0], columns[4]));
    }
    return sockets;
  }
}
