package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/*} with single sign-on on both ports: tokens of the provider as
 * {@code Authorization: Bearer}, the roles their groups map to, and every kind of invalid token.
 */
@ExtendWith(NexusServerExtension.class)
class SsoApiIT {

  private final SsoServices sso;
  private final ApiClient api = new ApiClient();
  private final List<String> ports;

  SsoApiIT(SsoServices sso) {
    this.sso = sso;
    this.ports = List.of(sso.proxyUrl(), sso.dashboardUrl());
  }

  private String viewerToken() throws Exception {
    return sso.token("vera", List.of(SsoServices.VIEWER_GROUP), List.of(SsoServices.CLIENT_ID), 600);
  }

  private String adminToken() throws Exception {
    return sso.token("adam", List.of("other-team", SsoServices.ADMIN_GROUP),
        List.of(SsoServices.CLIENT_ID), 600);
  }

  private HttpResponse<String> get(String base, String token) throws Exception {
    return api.get(base + "/api/requests?limit=1", "Authorization", "Bearer " + token);
  }

  @Test
  void viewerTokenReadsOnBothPorts() throws Exception {
    String token = viewerToken();
    for (String base : ports) {
      assertThat(get(base, token).statusCode()).as(base).isEqualTo(200);
    }
  }

  @Test
  void dashboardKeyStillWorks() throws Exception {
    for (String base : ports) {
      HttpResponse<String> response = api.get(base + "/api/requests?limit=1",
          "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);

      assertThat(response.statusCode()).as(base).isEqualTo(200);
    }
  }

  @Test
  void nonJwtBearerMatchesKey() throws Exception {
    for (String base : ports) {
      assertThat(get(base, NexusServer.DASHBOARD_KEY).statusCode()).as(base).isEqualTo(200);
      assertThat(get(base, "not-the-key").statusCode()).as(base).isEqualTo(401);
    }
  }

  @Test
  void operatorEndpointsAcceptTokens() throws Exception {
    String stats = sso.proxyUrl() + "/token-stats";
    String noGroup = sso.token("nina", List.of("other-team"), List.of(SsoServices.CLIENT_ID), 600);

    assertThat(api.get(stats).statusCode()).isEqualTo(401);
    assertThat(api.get(stats, "Authorization", "Bearer " + viewerToken()).statusCode()).isEqualTo(200);
    assertThat(api.get(stats, "Authorization", "Bearer " + noGroup).statusCode()).isEqualTo(403);
  }

  @Test
  void readsWithoutCredentialAreUnauthorized() throws Exception {
    for (String base : ports) {
      assertThat(api.get(base + "/api/requests?limit=1").statusCode())
          .as("SSO ends read-only mode on " + base).isEqualTo(401);
    }
  }

  @Test
  void forgedTokenIsUnauthorized() throws Exception {
    String[] parts = viewerToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace(SsoServices.VIEWER_GROUP, SsoServices.ADMIN_GROUP);
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    for (String base : ports) {
      HttpResponse<String> response = get(base, forged);

      assertThat(response.statusCode()).as(base).isEqualTo(401);
      assertThat(response.body()).as(base).contains("invalid_token");
    }
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    String expired = sso.token("vera", List.of(SsoServices.VIEWER_GROUP),
        List.of(SsoServices.CLIENT_ID), -3600);
    for (String base : ports) {
      HttpResponse<String> response = get(base, expired);

      assertThat(response.statusCode()).as(base).isEqualTo(401);
      assertThat(response.body()).as(base).containsIgnoringCase("expired");
    }
  }

  @Test
  void tokenForOtherAudienceIsUnauthorized() throws Exception {
    String other = sso.token("vera", List.of(SsoServices.VIEWER_GROUP), List.of("another-app"), 600);
    for (String base : ports) {
      HttpResponse<String> response = get(base, other);

      assertThat(response.statusCode()).as(base).isEqualTo(401);
      // The wording differs between nimbus-jose-jwt versions ("aud claim", "audience").
      assertThat(response.body()).as(base).contains("aud").contains("rejected");
    }
  }

  @Test
  void tokenSignedByOtherKeyIsUnauthorized() throws Exception {
    SignedJWT genuine = SignedJWT.parse(adminToken());
    RSAKey otherKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
    RSAKey unknownKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    for (RSAKey key : List.of(otherKey, unknownKey)) {
      SignedJWT resigned = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          genuine.getJWTClaimsSet());
      resigned.sign(new RSASSASigner(key));
      for (String base : ports) {
        assertThat(get(base, resigned.serialize()).statusCode()).as(base + " with key " + key.getKeyID())
            .isEqualTo(401);
      }
    }
  }

  @Test
  void unsignedTokenIsUnauthorized() throws Exception {
    String[] parts = adminToken().split("\\.");
    String none = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    for (String base : ports) {
      assertThat(get(base, none + "." + parts[1] + ".").statusCode()).as(base).isEqualTo(401);
    }
  }

  @Test
  void oversizedTokenIsUnauthorized() throws Exception {
    String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(40_000) + ".sig";
    for (String base : ports) {
      assertThat(get(base, huge).statusCode()).as(base).isIn(400, 401, 431);
    }
  }

  @Test
  void tokenWithoutGroupIsForbidden() throws Exception {
    String token = sso.token("nina", List.of("other-team"), List.of(SsoServices.CLIENT_ID), 600);
    for (String base : ports) {
      HttpResponse<String> response = get(base, token);

      assertThat(response.statusCode()).as(base).isEqualTo(403);
      assertThat(response.body()).as(base).contains("none of the groups");
    }
  }

  @Test
  void viewerCannotWrite() throws Exception {
    String token = viewerToken();
    for (String base : ports) {
      for (String[] write : writes()) {
        HttpResponse<String> response = api.send("POST", base + write[0], write[1],
            "Authorization", "Bearer " + token, "Content-Type", "application/json");

        assertThat(response.statusCode()).as("viewer POST %s on %s", write[0], base).isEqualTo(403);
        assertThat(response.body()).as(write[0]).contains("admin role");
      }
    }
  }

  @Test
  void viewerMayReadFeedbackBatch() throws Exception {
    String token = viewerToken();
    for (String base : ports) {
      HttpResponse<String> response = api.send("POST", base + "/api/spark/feedback/batch",
          "{\"session_ids\":[]}", "Authorization", "Bearer " + token, "Content-Type", "application/json");

      // Without a Spark key the services respond 503, so the access rules let the viewer through.
      assertThat(response.statusCode()).as(base).isEqualTo(503);
    }
  }

  @Test
  void adminCanWrite() throws Exception {
    String token = adminToken();
    for (String base : ports) {
      String[][] writes = writes();
      // The access rules pass, so each endpoint returns its own result: an unknown branch, an
      // unconfigured Spark and an unconfigured GitHub sync.
      int[] expected = {404, 503, 501};
      for (int i = 0; i < writes.length; i++) {
        HttpResponse<String> response = api.send("POST", base + writes[i][0], writes[i][1],
            "Authorization", "Bearer " + token, "Content-Type", "application/json");

        assertThat(response.statusCode()).as("admin POST %s on %s: %s", writes[i][0], base,
            response.body()).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void onlyAdminReadsAuditTrail() throws Exception {
    String viewer = viewerToken();
    String admin = adminToken();
    for (String base : ports) {
      // The viewer's own read above is in the trail; the viewer may not see it.
      get(base, viewer);
      HttpResponse<String> asViewer = api.get(base + "/api/audit?user=vera",
          "Authorization", "Bearer " + viewer);
      HttpResponse<String> asAdmin = api.get(base + "/api/audit?user=adam",
          "Authorization", "Bearer " + admin);

      assertThat(asViewer.statusCode()).as(base).isEqualTo(403);
      assertThat(asAdmin.statusCode()).as(base).isEqualTo(200);
    }
  }

  @Test
  void tokenCallerRecordedInAuditTrail() throws Exception {
    String base = sso.dashboardUrl();
    HttpResponse<String> read = api.get(base + "/api/conversations?limit=1",
        "Authorization", "Bearer " + viewerToken());
    assertThat(read.statusCode()).isEqualTo(200);

    // The trail is written in the background, within about half a second.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String trail = "";
    while (System.nanoTime() < deadline && !trail.contains("oidc-bearer")) {
      Thread.sleep(250);
      trail = api.get(base + "/api/audit?user=vera&action=conversation.view",
          "Authorization", "Bearer " + adminToken()).body();
    }

    assertThat(trail).contains("\"user\":\"vera\"");
    assertThat(trail).contains("\"authMethod\":\"oidc-bearer\"");
    assertThat(trail).contains("\"action\":\"conversation.view\"");
  }

  @Test
  void logsHoldNoSecretOrToken() throws Exception {
    String token = adminToken();
    String rejected = sso.token("vera", List.of(SsoServices.VIEWER_GROUP), List.of("another-app"), 600);
    for (String base : ports) {
      get(base, token);
      get(base, rejected);
    }
    List<String> secrets = List.of(SsoServices.CLIENT_SECRET, token.split("\\.")[2],
        rejected.split("\\.")[2]);
    List<String> findings = new java.util.ArrayList<>();
    for (String folder : List.of("logs", "run")) {
      java.nio.file.Path directory = sso.home.resolve(folder);
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(directory)) {
        for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile)
            .filter(f -> !f.toString().contains("/payara/")).toList()) {
          String text = java.nio.file.Files.readString(file, StandardCharsets.ISO_8859_1);
          for (String secret : secrets) {
            if (text.contains(secret)) {
              findings.add(file + " contains " + secret.substring(0, 6) + "...");
            }
          }
        }
      }
    }

    assertThat(findings).isEmpty();
  }

  /** Returns the writes that need the admin role, as path and JSON body. */
  private static String[][] writes() {
    return new String[][] {
        {"/api/analyses", "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"main\"}"},
        {"/api/spark/feedback", "{\"session_id\":\"s1\",\"feedback\":{\"recommendation_feedback\":"
            + "{\"overall_feedback\":{\"rating\":5,\"comments\":\"good\"}}}}"},
        {"/api/mcp/sync", ""},
    };
  }
}
