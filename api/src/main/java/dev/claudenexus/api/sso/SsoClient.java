package dev.claudenexus.api.sso;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.claudenexus.config.SsoSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The requests of the authorization code flow with PKCE that the dashboard sends or redirects to:
 * the authorization request, the code exchange, the refresh, and RP-initiated logout.
 */
public final class SsoClient {

  private final SsoProvider provider;
  private final SsoTokenValidator validator;

  public SsoClient(SsoProvider provider) {
    this.provider = provider;
    this.validator = new SsoTokenValidator(provider);
  }

  /**
   * Returns the provider's authorization URL for a new login.
   *
   * @throws SsoException when the provider's metadata is not available
   */
  public URI authorizationUri(URI redirectUri, State state, Nonce nonce, CodeVerifier verifier)
      throws SsoException {
    SsoSettings settings = provider.settings();
    return new AuthenticationRequest.Builder(ResponseType.CODE,
            new Scope(settings.scopes().toArray(String[]::new)), new ClientID(settings.clientId()),
            redirectUri)
        .endpointURI(provider.discovered().metadata().getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * Exchanges an authorization code for tokens and validates the ID token against the login's
   * nonce.
   *
   * @throws SsoException when the provider rejects the code or sends an invalid ID token
   */
  public SsoTokens exchangeCode(String code, URI redirectUri, CodeVerifier verifier, Nonce nonce)
      throws SsoException {
    OIDCTokenResponse response = send(new AuthorizationCodeGrant(new AuthorizationCode(code),
        redirectUri, verifier));
    String idToken = response.getOIDCTokens().getIDTokenString();
    if (idToken == null) {
      throw new SsoException("The provider's token response has no ID token; request the openid scope");
    }
    return tokens(idToken, response, validator.validateIdToken(idToken, nonce), Optional.empty());
  }

  /**
   * Refreshes a session's tokens. A new ID token replaces the old one and its groups replace the
   * roles; without one the identity stays and only the expiry moves.
   *
   * @throws SsoException when the provider rejects the refresh token
   */
  public SsoTokens refresh(SsoTokens current) throws SsoException {
    String refreshToken = current.refreshToken().orElseThrow(
        () -> new SsoException("The session has no refresh token"));
    OIDCTokenResponse response = send(new RefreshTokenGrant(new RefreshToken(refreshToken)));
    String idToken = response.getOIDCTokens().getIDTokenString();
    SsoIdentity identity = idToken == null ? null : validator.validateIdToken(idToken, null);
    if (identity == null) {
      AccessToken access = response.getOIDCTokens().getAccessToken();
      if (access.getLifetime() <= 0) {
        throw new SsoException("The provider's refresh response has neither an ID token nor a lifetime");
      }
      return tokens(current.idToken(), response, current.identity(), current.refreshToken());
    }
    return tokens(idToken, response, identity, current.refreshToken());
  }

  /**
   * Returns the provider's end-session URL with {@code id_token_hint} and
   * {@code post_logout_redirect_uri}, or empty when the provider advertises no
   * {@code end_session_endpoint} (or cannot be reached).
   */
  public Optional<URI> logoutUri(String idToken, URI postLogoutRedirectUri) {
    try {
      URI endpoint = provider.discovered().metadata().getEndSessionEndpointURI();
      if (endpoint == null) {
        return Optional.empty();
      }
      return Optional.of(new LogoutRequest(endpoint, JWTParser.parse(idToken), null,
          new ClientID(provider.settings().clientId()), postLogoutRedirectUri, null, null).toURI());
    } catch (SsoException | java.text.ParseException e) {
      return Optional.empty();
    }
  }

  private SsoTokens tokens(String idToken, OIDCTokenResponse response, SsoIdentity identity,
      Optional<String> previousRefreshToken) {
    RefreshToken refresh = response.getOIDCTokens().getRefreshToken();
    Instant expiresAt = identity.expiresAt();
    long lifetime = response.getOIDCTokens().getAccessToken().getLifetime();
    if (lifetime > 0) {
      Instant accessExpiry = Instant.now().plusSeconds(lifetime);
      expiresAt = accessExpiry.isBefore(expiresAt) ? accessExpiry : expiresAt;
    }
    Optional<String> refreshToken = refresh == null ? previousRefreshToken : Optional.of(refresh.getValue());
    return new SsoTokens(idToken, refreshToken, identity, expiresAt);
  }

  private OIDCTokenResponse send(AuthorizationGrant grant) throws SsoException {
    OIDCProviderMetadata metadata = provider.discovered().metadata();
    SsoSettings settings = provider.settings();
    ClientID clientId = new ClientID(settings.clientId());
    URI endpoint = metadata.getTokenEndpointURI();
    TokenRequest request;
    if (settings.clientSecret().isEmpty()) {
      request = new TokenRequest(endpoint, clientId, grant);
    } else if (usesPostAuthentication(metadata.getTokenEndpointAuthMethods())) {
      request = new TokenRequest(endpoint,
          new ClientSecretPost(clientId, new Secret(settings.clientSecret().get())), grant);
    } else {
      request = new TokenRequest(endpoint,
          new ClientSecretBasic(clientId, new Secret(settings.clientSecret().get())), grant);
    }
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(SsoProvider.HTTP_TIMEOUT_MS);
    http.setReadTimeout(SsoProvider.HTTP_TIMEOUT_MS);
    http.setFollowRedirects(false);
    TokenResponse response;
    try {
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException e) {
      throw new SsoException("The token endpoint " + endpoint + " could not be reached: " + e.getMessage(), e);
    } catch (ParseException e) {
      throw new SsoException("The token endpoint " + endpoint + " sent an invalid response: "
          + e.getMessage(), e);
    }
    if (!response.indicatesSuccess()) {
      TokenErrorResponse error = response.toErrorResponse();
      throw new SsoException("The token endpoint rejected the request: "
          + (error.getErrorObject() == null ? "no reason given" : error.getErrorObject().getCode()));
    }
    return (OIDCTokenResponse) response.toSuccessResponse();
  }

  /** Returns whether the provider accepts only client_secret_post of the two secret methods. */
  static boolean usesPostAuthentication(List<ClientAuthenticationMethod> supported) {
    return supported != null && !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
  }
}
