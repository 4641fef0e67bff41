package dev.claudenexus.api.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.claudenexus.config.SsoSettings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The OpenID Connect provider of this application: its settings, its metadata and its signing keys.
 * The metadata is discovered from the issuer on first use. The keys come from its JWKS, are cached
 * for 5 minutes and are fetched again (at most every 30 seconds) when a token names an unknown key
 * id; these are the defaults of nimbus-jose-jwt's {@code JWKSourceBuilder}. When discovery fails,
 * the next attempt waits {@value #RETRY_SECONDS} seconds, so a provider that is down is not called
 * on every request.
 */
public final class SsoProvider {

  static final int HTTP_TIMEOUT_MS = 5000;
  /** Maximum size of a JWKS document; the key retriever rejects larger responses. */
  static final int MAX_JWKS_BYTES = 512 * 1024;
  static final long RETRY_SECONDS = 30;
  /** Algorithms a token may be signed with: asymmetric only, so a key id can never select a secret. */
  static final Set<JWSAlgorithm.Family> SIGNATURE_FAMILIES =
      Set.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC, JWSAlgorithm.Family.ED);

  private static final Logger LOG = Logger.getLogger(SsoProvider.class.getName());
  private static volatile Optional<SsoProvider> current;

  private final SsoSettings settings;
  private volatile Discovered discovered;
  private volatile long nextAttemptNanos;

  /** Metadata and the key source built from it. */
  public record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys,
      JWSVerificationKeySelector<SecurityContext> keySelector) {}

  public SsoProvider(SsoSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns the provider of this application, or empty when single sign-on is off.
   *
   * @throws IllegalArgumentException when an {@code OIDC_*} setting is invalid
   */
  public static Optional<SsoProvider> current() {
    Optional<SsoProvider> provider = current;
    if (provider == null) {
      Config config = ConfigProvider.getConfig();
      provider = SsoSettings.from(name -> config.getOptionalValue(name, String.class))
          .map(SsoProvider::new);
      current = provider;
    }
    return provider;
  }

  public SsoSettings settings() {
    return settings;
  }

  /**
   * Returns the provider's metadata and keys, discovering them on first use.
   *
   * @throws SsoUnavailableException when the provider cannot be reached or its metadata is invalid
   */
  public Discovered discovered() throws SsoUnavailableException {
    Discovered known = discovered;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (discovered != null) {
        return discovered;
      }
      if (System.nanoTime() - nextAttemptNanos < 0) {
        throw new SsoUnavailableException("The OpenID Connect provider " + settings.issuer()
            + " could not be reached recently; the next attempt follows within " + RETRY_SECONDS + " s");
      }
      try {
        discovered = discover();
        LOG.info(() -> "Discovered the OpenID Connect provider " + settings.issuer());
        return discovered;
      } catch (SsoUnavailableException e) {
        nextAttemptNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        LOG.warning(() -> e.getMessage() + "; retrying after " + RETRY_SECONDS + " s");
        throw e;
      }
    }
  }

  private Discovered discover() throws SsoUnavailableException {
    OIDCProviderMetadata metadata;
    try {
      // The library checks that the document names the configured issuer.
      metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), HTTP_TIMEOUT_MS,
          HTTP_TIMEOUT_MS);
    } catch (GeneralException | IOException e) {
      throw new SsoUnavailableException("Discovery of the OpenID Connect provider " + settings.issuer()
          + " failed: " + e.getMessage(), e);
    }
    if (metadata.getJWKSetURI() == null || metadata.getAuthorizationEndpointURI() == null
        || metadata.getTokenEndpointURI() == null) {
      throw new SsoUnavailableException("The OpenID Connect provider " + settings.issuer()
          + " names no jwks_uri, authorization_endpoint or token_endpoint in its metadata");
    }
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
              new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, MAX_JWKS_BYTES))
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new SsoUnavailableException("The jwks_uri of " + settings.issuer() + " is not a valid URL", e);
    }
    Set<JWSAlgorithm> algorithms = signatureAlgorithms(metadata.getIDTokenJWSAlgs());
    return new Discovered(metadata, keys, new JWSVerificationKeySelector<>(algorithms, keys));
  }

  /** Returns the advertised algorithms that are asymmetric, or RS256 when the provider names none. */
  static Set<JWSAlgorithm> signatureAlgorithms(List<JWSAlgorithm> advertised) {
    if (advertised == null) {
      return Set.of(JWSAlgorithm.RS256);
    }
    Set<JWSAlgorithm> allowed = new java.util.HashSet<>();
    for (JWSAlgorithm algorithm : advertised) {
      if (SIGNATURE_FAMILIES.stream().anyMatch(family -> family.contains(algorithm))) {
        allowed.add(algorithm);
      }
    }
    return allowed.isEmpty() ? Set.of(JWSAlgorithm.RS256) : Set.copyOf(allowed);
  }
}
