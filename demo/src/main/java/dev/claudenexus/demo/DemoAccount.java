package dev.claudenexus.demo;

import java.net.URI;
import java.util.Objects;

/**
 * A domain of the proxy that the demo sends requests to, with the client key of its credential file.
 *
 * @param baseUrl the proxy URL whose host and port make the domain, such as {@code http://127.0.0.1:3000}
 * @param clientKey the key the proxy expects from this domain's clients
 */
public record DemoAccount(URI baseUrl, String clientKey) {

  public DemoAccount {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clientKey, "clientKey");
  }

  /** Returns the URI of a request target (path and query) on this domain. */
  URI resolve(String target) {
    return URI.create(baseUrl.toString().replaceAll("/+$", "") + target);
  }
}
