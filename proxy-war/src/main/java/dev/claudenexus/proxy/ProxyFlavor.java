package dev.claudenexus.proxy;

import dev.claudenexus.api.ApiFlavor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Tells the shared API resources to answer in the proxy's shapes. */
@ApplicationScoped
public class ProxyFlavor {

  @Produces
  ApiFlavor flavor() {
    return ApiFlavor.PROXY;
  }
}
