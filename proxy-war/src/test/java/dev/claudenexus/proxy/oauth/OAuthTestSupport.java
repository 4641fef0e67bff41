package dev.claudenexus.proxy.oauth;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.credentials.CredentialStore;

/** Builds OAuth beans for tests without a container. */
public final class OAuthTestSupport {

  private OAuthTestSupport() {}

  public static OAuthRefresher refresher(ProxySettings settings, CredentialStore credentials) {
    OAuthRefresher refresher = new OAuthRefresher();
    refresher.settings = settings;
    refresher.credentials = credentials;
    refresher.metrics = new OAuthMetrics();
    refresher.init();
    return refresher;
  }
}
