package dev.claudenexus.api.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.claudenexus.config.SsoSettings;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the provider's tokens and turns them into an {@link SsoIdentity}. Every token must be
 * signed by one of the provider's keys with an asymmetric algorithm, name the configured issuer,
 * list the client id as audience, and be within its lifetime (60 seconds of clock skew allowed).
 * An ID token from a login must also carry the nonce of that login.
 */
public final class SsoTokenValidator {

  /** Maximum length of an accepted token; real ID and access tokens stay far below it. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final Pattern JWT_SHAPE =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  /** Header types of ID tokens and of access tokens in JWT form (RFC 9068), or none. */
  private static final Set<JOSEObjectType> TOKEN_TYPES = Set.of(JOSEObjectType.JWT,
      new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"));

  private final SsoProvider provider;

  public SsoTokenValidator(SsoProvider provider) {
    this.provider = provider;
  }

  /**
   * Returns whether a bearer value has the form of a signed JWT (three base64url parts), so that it
   * is validated as the provider's token rather than compared with the dashboard key.
   */
  public static boolean looksLikeJwt(String value) {
    return value.length() <= MAX_TOKEN_LENGTH * 2 && JWT_SHAPE.matcher(value).matches();
  }

  /** Returns the value of an {@code Authorization: Bearer <value>} header, or null without one. */
  public static String bearerToken(String authorization) {
    String prefix = "Bearer ";
    if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return null;
    }
    String token = authorization.substring(prefix.length()).strip();
    return token.isEmpty() ? null : token;
  }

  /**
   * Validates the ID token of a login.
   *
   * @throws SsoException when the token is invalid or its nonce differs
   */
  public SsoIdentity validateIdToken(String idToken, Nonce expectedNonce) throws SsoException {
    SsoProvider.Discovered discovered = provider.discovered();
    SsoSettings settings = provider.settings();
    IDTokenValidator validator = new IDTokenValidator(new Issuer(settings.issuer()),
        new ClientID(settings.clientId()), discovered.keySelector(), null);
    try {
      JWT jwt = parse(idToken);
      validator.validate(jwt, expectedNonce);
      return identity(jwt.getJWTClaimsSet());
    } catch (RateLimitReachedException e) {
      throw new SsoException("The token names a key id that is not in the provider's key set, which"
          + " was fetched within the last 30 seconds", e);
    } catch (KeySourceException e) {
      throw keysUnavailable(e);
    } catch (BadJOSEException | JOSEException | ParseException e) {
      throw new SsoException("The ID token is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Validates a token sent as {@code Authorization: Bearer}: an ID token or an access token in JWT
   * form whose audience is the client id.
   *
   * @throws SsoException when the token is not valid
   */
  public SsoIdentity validateBearer(String token) throws SsoException {
    SsoProvider.Discovered discovered = provider.discovered();
    SsoSettings settings = provider.settings();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(withNoType()));
    processor.setJWSKeySelector(discovered.keySelector());
    // Mutable sets, because the verifier of nimbus-jose-jwt 10.5 (the copy Payara Micro 6.2025.10
    // puts first on the class path) calls contains(null) on them, which Set.of rejects.
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new HashSet<>(List.of(settings.clientId())),
        new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(),
        new HashSet<>(List.of("sub", "exp")), new HashSet<>()));
    try {
      JWT jwt = parse(token);
      if (!(jwt instanceof SignedJWT signed)) {
        throw new SsoException("The bearer token is not a signed JWT");
      }
      return identity(processor.process(signed, null));
    } catch (RateLimitReachedException e) {
      throw new SsoException("The token names a key id that is not in the provider's key set, which"
          + " was fetched within the last 30 seconds", e);
    } catch (KeySourceException e) {
      throw keysUnavailable(e);
    } catch (BadJOSEException | JOSEException | ParseException e) {
      throw new SsoException("The bearer token is not valid: " + e.getMessage(), e);
    }
  }

  private SsoUnavailableException keysUnavailable(KeySourceException e) {
    return new SsoUnavailableException("The keys of the OpenID Connect provider "
        + provider.settings().issuer() + " could not be fetched: " + e.getMessage(), e);
  }

  private static Set<JOSEObjectType> withNoType() {
    Set<JOSEObjectType> types = new HashSet<>(TOKEN_TYPES);
    types.add(null);
    return types;
  }

  private static JWT parse(String token) throws ParseException, SsoException {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new SsoException("The token is " + token.length() + " characters long; at most "
          + MAX_TOKEN_LENGTH + " are accepted");
    }
    return JWTParser.parse(token);
  }

  /** Returns the identity that validated claims describe. */
  SsoIdentity identity(JWTClaimsSet claims) throws SsoException {
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      throw new SsoException("The token has no expiry time");
    }
    Map<String, Object> all = claims.getClaims();
    return new SsoIdentity(principalName(all),
        GroupRoles.of(all.get(provider.settings().groupsClaim()), provider.settings()),
        Instant.ofEpochMilli(expiry.getTime()));
  }

  /** Returns preferred_username, else email, else the subject. */
  static String principalName(Map<String, Object> claims) {
    for (String name : new String[] {"preferred_username", "email", "sub"}) {
      if (claims.get(name) instanceof String value && !value.isBlank()) {
        return value.strip();
      }
    }
    return "unknown";
  }
}
