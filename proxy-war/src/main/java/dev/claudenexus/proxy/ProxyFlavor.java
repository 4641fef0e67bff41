package dev.claudenexus.proxy;

import dev.claudenexus.api.ApiFlavor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Selects the proxy's response shapes for the shared API resources. */
@ApplicationScoped
public class ProxyFlavor {

  @Produces
  ApiFlavor flavor() {
    return ApiFlavor.PROXY;
  }
}
