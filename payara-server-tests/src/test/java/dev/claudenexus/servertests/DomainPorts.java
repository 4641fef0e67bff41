package dev.claudenexus.servertests;

import dev.claudenexus.testsupport.net.LoopbackPorts;
import java.io.IOException;

/**
 * Free loopback ports for every listener of a test domain, so the test never collides with the
 * defaults (4848, 8080, 3700, ...) of another Payara on the machine. They come from {@link
 * LoopbackPorts}, outside the ephemeral range, so no outgoing connection takes one before the domain
 * starts.
 */
record DomainPorts(int admin, int http, int https, int iiop, int iiopSsl, int iiopMutualAuth,
    int jms, int jmx, int osgiShell, int debug, int dataGrid, int proxy, int dashboard) {

  static DomainPorts allocate() throws IOException {
    return new DomainPorts(LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(),
        LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(),
        LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(),
        LoopbackPorts.free(), LoopbackPorts.free());
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
}
