package dev.claudenexus.proxy.auth;

import jakarta.security.enterprise.credential.Credential;

/** A client key presented for a domain; {@code toString} hides the key. */
public record ClientKeyCredential(String domain, String key) implements Credential {

  @Override
  public String toString() {
    return "ClientKeyCredential[domain=" + domain + "]";
  }
}
