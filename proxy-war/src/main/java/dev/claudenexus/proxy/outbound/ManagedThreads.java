package dev.claudenexus.proxy.outbound;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's managed thread factory, so worker threads run with the application's context. */
public final class ManagedThreads {

  private static final Logger LOG = Logger.getLogger(ManagedThreads.class.getName());

  private ManagedThreads() {}

  /**
   * Returns {@code java:comp/DefaultManagedThreadFactory}, or the JDK's default factory outside a
   * container (unit tests), which is logged at FINE.
   */
  public static ThreadFactory factory() {
    try {
      return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
    } catch (NamingException | RuntimeException e) {
      LOG.fine(() -> "No managed thread factory (" + e + "); using the JDK's default");
      return Executors.defaultThreadFactory();
    }
  }
}
