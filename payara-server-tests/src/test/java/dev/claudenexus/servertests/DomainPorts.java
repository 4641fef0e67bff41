package dev.claudenexus.servertests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports for every listener of a test domain, so the test never collides with the
 * defaults (4848, 8080, 3700, ...) of another Payara on the machine. A port is free when chosen; a
 * process that takes it before the domain starts makes the start fail with "Address already in use".
 */
record DomainPorts(int admin, int http, int https, int iiop, int iiopSsl, int iiopMutualAuth,
    int jms, int jmx, int osgiShell, int debug, int dataGrid, int proxy, int dashboard) {

  static DomainPorts allocate() throws IOException {
    Set<Integer> taken = new HashSet<>();
    return new DomainPorts(free(taken), free(taken), free(taken), free(taken), free(taken),
        free(taken), free(taken), free(taken), free(taken), free(taken), free(taken), free(taken),
        free(taken));
  }

  /**
   * Returns the {@code --domainproperties} value of {@code asadmin create-domain} for the ports that
   * it sets; the admin and HTTP ports have options of their own.
   */
  String domainProperties() {
    return "domain.jmxPort=" + jmx
        + ":http.ssl.port=" + https
        + ":java.debugger.port=" + debug
        + ":jms.port=" + jms
        + ":orb.listener.port=" + iiop
        + ":orb.ssl.port=" + iiopSsl
        + ":orb.mutualauth.port=" + iiopMutualAuth
        + ":osgi.shell.telnet.port=" + osgiShell;
  }

  private static int free(Set<Integer> taken) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (taken.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
