package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.proxy.oauth.OAuthRefreshException;
import dev.claudenexus.proxy.oauth.OAuthRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Chooses the credentials a request carries upstream: the domain's credential file when it has one.
 * With client auth off and no file, the client's own credentials pass through.
 */
@ApplicationScoped
public class UpstreamAuthResolver {

  @Inject ProxySettings settings;
  @Inject CredentialStore credentials;
  @Inject OAuthRefresher oauthRefresher;

  /**
   * Returns the upstream credentials.
   *
   * @throws RejectedRequestException 401 when the domain has no usable credentials
   */
  UpstreamAuth resolve(InboundRequest inbound) throws RejectedRequestException {
    Optional<CredentialFile> file = credentials.forDomain(inbound.domain());
    if (file.isPresent()) {
      CredentialFile credential = file.get();
      if (CredentialFile.TYPE_OAUTH.equals(credential.type())) {
        return oauth(credential);
      }
      return UpstreamAuth.apiKey(credential.apiKey(), credential.accountId());
    }
    if (!settings.clientAuthEnabled()) {
      String authorization = inbound.header("authorization");
      String apiKey = inbound.header("x-api-key");
      if (authorization != null || apiKey != null) {
        return UpstreamAuth.passThrough(authorization, apiKey);
      }
    }
    throw new RejectedRequestException(401, "authentication_error",
        "No credentials configured for domain \"" + inbound.domain()
            + "\": add one with bin/nexus credentials add --domain " + inbound.domain()
            + " --api-key <Anthropic API key>");
  }

  private UpstreamAuth oauth(CredentialFile credential) throws RejectedRequestException {
    try {
      return UpstreamAuth.oauthToken(oauthRefresher.accessToken(credential), credential.accountId());
    } catch (OAuthRefreshException e) {
      throw new RejectedRequestException(401, "authentication_error",
          "The OAuth credentials of domain \"" + credential.domain() + "\" cannot be used: " + e.getMessage());
    }
  }
}
