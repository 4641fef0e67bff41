package dev.claudenexus.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one {@link NexusServer} per test run and passes it to test constructors and methods. */
public final class NexusServerExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == NexusServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(NexusServer.class, key -> start(), NexusServer.class);
  }

  private static NexusServer start() {
    try {
      return NexusServer.start();
    } catch (Exception e) {
      throw new ParameterResolutionException("The proxy did not start: " + e.getMessage(), e);
    }
  }
}
