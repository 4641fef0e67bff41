package dev.claudenexus.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link NexusServer} per test run, and the {@link ReadOnlyServices}, {@link
 * SsoServices} and {@link DemoServices} when a test first needs them, and passes them to test
 * constructors and methods.
 */
public final class NexusServerExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == NexusServer.class || type == ReadOnlyServices.class || type == DemoServices.class
        || type == SsoServices.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    if (parameter.getParameter().getType() == DemoServices.class) {
      return store.getOrComputeIfAbsent(DemoServices.class, key -> startDemo(), DemoServices.class);
    }
    NexusServer server = store.getOrComputeIfAbsent(NexusServer.class, key -> start(), NexusServer.class);
    if (parameter.getParameter().getType() == NexusServer.class) {
      return server;
    }
    if (parameter.getParameter().getType() == SsoServices.class) {
      return store.getOrComputeIfAbsent(SsoServices.class, key -> startSso(server), SsoServices.class);
    }
    return store.getOrComputeIfAbsent(ReadOnlyServices.class, key -> startReadOnly(server),
        ReadOnlyServices.class);
  }

  private static NexusServer start() {
    try {
      return NexusServer.start();
    } catch (Exception e) {
      throw new ParameterResolutionException("The proxy did not start: " + e.getMessage(), e);
    }
  }

  private static DemoServices startDemo() {
    try {
      return DemoServices.start("nexus-home-demo-shared");
    } catch (Exception e) {
      throw new ParameterResolutionException("bin/nexus demo did not start: " + e.getMessage(), e);
    }
  }

  private static SsoServices startSso(NexusServer server) {
    try {
      return SsoServices.start(server);
    } catch (Exception e) {
      throw new ParameterResolutionException("The single sign-on services did not start: "
          + e.getMessage(), e);
    }
  }

  private static ReadOnlyServices startReadOnly(NexusServer server) {
    try {
      return ReadOnlyServices.start(server);
    } catch (Exception e) {
      throw new ParameterResolutionException("The read-only services did not start: " + e.getMessage(), e);
    }
  }
}
