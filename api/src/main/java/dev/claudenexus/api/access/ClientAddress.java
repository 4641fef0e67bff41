package dev.claudenexus.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * The address of the client behind a request, for rate limits. {@code X-Forwarded-For} is believed
 * only when the connection comes from a trusted proxy, so no other client can choose its own bucket.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /**
   * Returns the address of the client of {@code request}. Every {@code X-Forwarded-For} line counts,
   * in order: some load balancers add a line of their own rather than append to the client's.
   */
  public static String of(HttpServletRequest request, Set<String> trustedProxies) {
    Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
    String forwardedFor = lines == null || !lines.hasMoreElements() ? null
        : String.join(",", Collections.list(lines));
    return resolve(request.getRemoteAddr(), forwardedFor, trustedProxies);
  }

  /**
   * Returns the client's address: the last {@code X-Forwarded-For} entry that is not itself a
   * trusted proxy when {@code remoteAddress} is trusted, else {@code remoteAddress}.
   */
  public static String resolve(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    // Each proxy appends the address it received the request from, so the entries are read from the
    // right and the first untrusted one is the client.
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remoteAddress;
  }
}
