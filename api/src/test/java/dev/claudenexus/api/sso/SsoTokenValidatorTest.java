package dev.claudenexus.api.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpServer;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.config.SsoSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token validation against a small provider on 127.0.0.1 that serves discovery metadata and a JWKS.
 * The system tests repeat the main cases against a full OpenID Connect provider.
 */
class SsoTokenValidatorTest {

  private static final String CLIENT_ID = "nexus";
  private static HttpServer server;
  private static RSAKey signingKey;
  private static String issuer;
  private static SsoTokenValidator validator;

  @BeforeAll
  static void startProvider() throws IOException, JOSEException {
    signingKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
    String metadata = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\","
        + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
        + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"HS256\"]}";
    serve("/realm/.well-known/openid-configuration", metadata);
    serve("/realm/jwks", new JWKSet(signingKey.toPublicJWK()).toString());
    server.start();
    SsoSettings settings = SsoSettings.from(name -> Optional.ofNullable(Map.of(
        "OIDC_ISSUER_URI", issuer,
        "OIDC_CLIENT_ID", CLIENT_ID,
        "OIDC_ADMIN_GROUPS", "admins",
        "OIDC_VIEWER_GROUPS", "viewers").get(name))).orElseThrow();
    validator = new SsoTokenValidator(new SsoProvider(settings));
  }

  private static void serve(String path, String body) {
    server.createContext(path, exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }

  @AfterAll
  static void stopProvider() {
    server.stop(0);
  }

  private static JWTClaimsSet.Builder claims(long expiresInSeconds) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(CLIENT_ID)
        .subject("user-1")
        .claim("preferred_username", "alice")
        .claim("groups", List.of("viewers"))
        .issueTime(new Date())
        .expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000));
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void validBearerGivesIdentity() throws Exception {
    SsoIdentity identity = validator.validateBearer(sign(claims(300).build(), signingKey));

    assertThat(identity.name()).isEqualTo("alice");
    assertThat(identity.roles()).isEqualTo(Set.of(DashboardRoles.VIEWER));
  }

  @Test
  void expiredBearerIsRejected() throws Exception {
    String token = sign(claims(-3600).build(), signingKey);

    assertThatThrownBy(() -> validator.validateBearer(token)).isInstanceOf(SsoException.class)
        .hasMessageContaining("xpired");
  }

  @Test
  void otherAudienceIsRejected() throws Exception {
    String token = sign(claims(300).audience("another-app").build(), signingKey);

    assertThatThrownBy(() -> validator.validateBearer(token)).isInstanceOf(SsoException.class)
        .hasMessageContaining("aud claim");
  }

  @Test
  void otherIssuerIsRejected() throws Exception {
    String token = sign(claims(300).issuer("https://evil.example.com").build(), signingKey);

    assertThatThrownBy(() -> validator.validateBearer(token)).isInstanceOf(SsoException.class);
  }

  @Test
  void otherKeyIsRejected() throws Exception {
    RSAKey sameIdOtherKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
    RSAKey unknownKey = new RSAKeyGenerator(2048).keyID("key-2").generate();

    // The unknown key id twice: the second time the key set may not be fetched again so soon, and
    // the token is still invalid rather than the provider unavailable.
    for (RSAKey key : List.of(sameIdOtherKey, unknownKey, unknownKey)) {
      String token = sign(claims(300).build(), key);
      assertThatThrownBy(() -> validator.validateBearer(token)).as(key.getKeyID())
          .isInstanceOf(SsoException.class)
          .isNotInstanceOf(SsoUnavailableException.class);
    }
  }

  @Test
  void hmacSignedWithPublicKeyIsRejected() throws Exception {
    // The classic algorithm confusion: an HS256 token keyed with bytes an attacker can know.
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
        claims(300).build());
    jwt.sign(new MACSigner(signingKey.toPublicJWK().toRSAPublicKey().getEncoded()));

    assertThatThrownBy(() -> validator.validateBearer(jwt.serialize())).isInstanceOf(SsoException.class);
  }

  @Test
  void tamperedPayloadIsRejected() throws Exception {
    String[] parts = sign(claims(300).build(), signingKey).split("\\.");
    String admin = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims(300).claim("groups", List.of("admins")).build().toString().getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> validator.validateBearer(parts[0] + "." + admin + "." + parts[2]))
        .isInstanceOf(SsoException.class);
  }

  @Test
  void oversizedTokenIsRejected() {
    String token = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(SsoTokenValidator.MAX_TOKEN_LENGTH) + ".c2ln";

    assertThatThrownBy(() -> validator.validateBearer(token)).isInstanceOf(SsoException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void garbageIsRejected() {
    for (String token : List.of("a.b.c", "e30.e30.", "....", "eyJhbGciOiJub25lIn0.e30.")) {
      assertThatThrownBy(() -> validator.validateBearer(token)).as(token).isInstanceOf(SsoException.class);
    }
  }

  @Test
  void idTokenNeedsItsNonce() throws Exception {
    Nonce nonce = new Nonce();
    String token = sign(claims(300).claim("nonce", nonce.getValue()).build(), signingKey);

    assertThat(validator.validateIdToken(token, nonce).name()).isEqualTo("alice");
    assertThatThrownBy(() -> validator.validateIdToken(token, new Nonce()))
        .isInstanceOf(SsoException.class);
  }

  @Test
  void principalNamePrefersUsernameThenEmail() {
    assertThat(SsoTokenValidator.principalName(Map.of("preferred_username", "alice", "email", "a@x", "sub", "1")))
        .isEqualTo("alice");
    assertThat(SsoTokenValidator.principalName(Map.of("email", "a@example.com", "sub", "1")))
        .isEqualTo("a@example.com");
    assertThat(SsoTokenValidator.principalName(Map.of("preferred_username", " ", "sub", "1")))
        .isEqualTo("1");
  }

  @Test
  void jwtShapeIsRecognized() {
    assertThat(SsoTokenValidator.looksLikeJwt("eyJh.eyJz.sig-_")).isTrue();
    assertThat(SsoTokenValidator.looksLikeJwt("test-dashboard-key")).isFalse();
    assertThat(SsoTokenValidator.looksLikeJwt("a.b")).isFalse();
    assertThat(SsoTokenValidator.looksLikeJwt("a.b.c.d.e")).isFalse();
    assertThat(SsoTokenValidator.looksLikeJwt("a b.c.d")).isFalse();
  }

  @Test
  void bearerValueIsExtracted() {
    assertThat(SsoTokenValidator.bearerToken("Bearer abc ")).isEqualTo("abc");
    assertThat(SsoTokenValidator.bearerToken("bearer abc")).isEqualTo("abc");
    assertThat(SsoTokenValidator.bearerToken("Basic abc")).isNull();
    assertThat(SsoTokenValidator.bearerToken("Bearer   ")).isNull();
    assertThat(SsoTokenValidator.bearerToken(null)).isNull();
  }
}
