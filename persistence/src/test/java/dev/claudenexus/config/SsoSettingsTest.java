package dev.claudenexus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsoSettingsTest {

  private static final String SECRET = "client-secret-value";

  private static Map<String, String> valid() {
    Map<String, String> values = new HashMap<>();
    values.put("OIDC_ISSUER_URI", "https://login.example.com/realms/team");
    values.put("OIDC_CLIENT_ID", "nexus-dashboard");
    values.put("OIDC_CLIENT_SECRET", SECRET);
    values.put("OIDC_ADMIN_GROUPS", "nexus-admins, platform");
    values.put("OIDC_VIEWER_GROUPS", "nexus-viewers");
    return values;
  }

  private static Optional<SsoSettings> read(Map<String, String> values) {
    return SsoSettings.from(name -> Optional.ofNullable(values.get(name)));
  }

  private static IllegalArgumentException rejected(Map<String, String> values) {
    try {
      read(values);
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("accepted " + values);
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> values = valid();
    values.put(name, value);
    return values;
  }

  @Test
  void withoutIssuerSsoIsOff() {
    assertThat(read(Map.of())).isEmpty();
    assertThat(read(Map.of("OIDC_ISSUER_URI", "  "))).isEmpty();
  }

  @Test
  void otherSettingWithoutIssuerIsRejected() {
    assertThat(rejected(Map.of("OIDC_CLIENT_ID", "nexus")).getMessage())
        .contains("OIDC_CLIENT_ID").contains("OIDC_ISSUER_URI");
  }

  @Test
  void validSettingsAreRead() {
    SsoSettings settings = read(valid()).orElseThrow();

    assertThat(settings.issuer().toString()).isEqualTo("https://login.example.com/realms/team");
    assertThat(settings.clientId()).isEqualTo("nexus-dashboard");
    assertThat(settings.clientSecret()).contains(SECRET);
    assertThat(settings.adminGroups()).isEqualTo(Set.of("nexus-admins", "platform"));
    assertThat(settings.viewerGroups()).isEqualTo(Set.of("nexus-viewers"));
  }

  @Test
  void defaultsApply() {
    Map<String, String> values = valid();
    values.remove("OIDC_CLIENT_SECRET");
    SsoSettings settings = read(values).orElseThrow();

    assertThat(settings.scopes()).isEqualTo(List.of("openid", "profile", "email"));
    assertThat(settings.groupsClaim()).isEqualTo("groups");
    assertThat(settings.clientSecret()).isEmpty();
  }

  @Test
  void toStringHidesSecret() {
    assertThat(read(valid()).orElseThrow().toString()).doesNotContain(SECRET).contains("****");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/realms/team", "http://localhost:9000/default",
      "http://[::1]:9000/x", "https://login.example.com"})
  void httpsOrLoopbackIssuerIsAccepted(String issuer) {
    assertThat(read(with("OIDC_ISSUER_URI", issuer))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://login.example.com/realms/team", "http://10.0.0.5/realms",
      "ftp://login.example.com", "login.example.com", "https://user:pw@login.example.com",
      "https://login.example.com/?tenant=1", "https://login.example.com/#top", "https://exa mple.com",
      "javascript:alert(1)", "http://127.0.0.1.evil.example/x"})
  void invalidIssuerIsRejected(String issuer) {
    assertThat(rejected(with("OIDC_ISSUER_URI", issuer)).getMessage()).contains("OIDC_ISSUER_URI");
  }

  @Test
  void oversizedIssuerIsRejected() {
    String issuer = "https://login.example.com/" + "a".repeat(SsoSettings.MAX_URI_LENGTH);

    assertThat(rejected(with("OIDC_ISSUER_URI", issuer)).getMessage()).contains("at most");
  }

  @Test
  void missingClientIdIsRejected() {
    Map<String, String> values = valid();
    values.remove("OIDC_CLIENT_ID");

    assertThat(rejected(values).getMessage()).contains("OIDC_CLIENT_ID is missing");
  }

  @Test
  void hostileValuesAreRejected() {
    assertThat(rejected(with("OIDC_CLIENT_ID", "nexus\r\nX-Injected: 1")).getMessage())
        .contains("control character");
    assertThat(rejected(with("OIDC_ADMIN_GROUPS", "admins,\u0000root")).getMessage())
        .contains("OIDC_ADMIN_GROUPS");
    assertThat(rejected(with("OIDC_CLIENT_ID", "c".repeat(SsoSettings.MAX_VALUE_LENGTH + 1)))
        .getMessage()).contains("OIDC_CLIENT_ID").contains("at most");
    assertThat(rejected(with("OIDC_CLIENT_SECRET", "s".repeat(SsoSettings.MAX_SECRET_LENGTH + 1)))
        .getMessage()).contains("OIDC_CLIENT_SECRET").doesNotContain("sss");
  }

  @Test
  void bothGroupListsEmptyIsRejected() {
    Map<String, String> values = valid();
    values.remove("OIDC_ADMIN_GROUPS");
    values.put("OIDC_VIEWER_GROUPS", " , ,");

    assertThat(rejected(values).getMessage()).contains("OIDC_ADMIN_GROUPS and OIDC_VIEWER_GROUPS");
  }

  @Test
  void tooManyGroupsAreRejected() {
    String groups = String.join(",", java.util.stream.IntStream.range(0, SsoSettings.MAX_LIST_ITEMS + 1)
        .mapToObj(i -> "group" + i).toList());

    assertThat(rejected(with("OIDC_VIEWER_GROUPS", groups)).getMessage()).contains("at most");
  }

  @Test
  void scopesWithoutOpenidAreRejected() {
    assertThat(rejected(with("OIDC_SCOPES", "profile email")).getMessage()).contains("openid");
  }

  @Test
  void invalidScopeIsRejected() {
    assertThat(rejected(with("OIDC_SCOPES", "openid \"quoted\"")).getMessage())
        .contains("invalid scope");
    assertThat(rejected(with("OIDC_SCOPES", "openid caf\u00e9")).getMessage())
        .contains("invalid scope");
  }

  @Test
  void scopesMaySeparateByCommas() {
    assertThat(read(with("OIDC_SCOPES", "openid,groups  offline_access")).orElseThrow().scopes())
        .isEqualTo(List.of("openid", "groups", "offline_access"));
  }

  @Test
  void groupsClaimWithControlCharacterIsRejected() {
    assertThat(rejected(with("OIDC_GROUPS_CLAIM", "gro\tups")).getMessage())
        .contains("OIDC_GROUPS_CLAIM");
  }
}
