package dev.claudenexus.api;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks up the container's default concurrency resources by their standard JNDI names. A library
 * jar looks them up instead of using {@code @Resource}, which Payara does not inject there.
 */
public final class ContainerResources {

  private static final String SCHEDULED_EXECUTOR =
      "java:comp/DefaultManagedScheduledExecutorService";
  private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

  private ContainerResources() {}

  /** Returns the default managed scheduled executor. */
  public static ManagedScheduledExecutorService scheduledExecutor() {
    return lookup(SCHEDULED_EXECUTOR, ManagedScheduledExecutorService.class);
  }

  /** Returns the default managed thread factory. */
  public static ManagedThreadFactory threadFactory() {
    return lookup(THREAD_FACTORY, ManagedThreadFactory.class);
  }

  private static <T> T lookup(String name, Class<T> type) {
    try {
      return type.cast(new InitialContext().lookup(name));
    } catch (NamingException e) {
      throw new IllegalStateException("The container resource " + name + " is not available", e);
    }
  }
}
