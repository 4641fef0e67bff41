package dev.claudenexus.api.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SsoClientTest {

  @Test
  void basicAuthenticationIsDefault() {
    assertThat(SsoClient.usesPostAuthentication(null)).isFalse();
    assertThat(SsoClient.usesPostAuthentication(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        ClientAuthenticationMethod.CLIENT_SECRET_POST))).isFalse();
  }

  @Test
  void postOnlyProviderGetsPost() {
    assertThat(SsoClient.usesPostAuthentication(List.of(ClientAuthenticationMethod.CLIENT_SECRET_POST)))
        .isTrue();
  }

  @Test
  void onlyAsymmetricAlgorithmsAreAllowed() {
    assertThat(SsoProvider.signatureAlgorithms(List.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256,
        JWSAlgorithm.ES256, new JWSAlgorithm("none")))).isEqualTo(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
    assertThat(SsoProvider.signatureAlgorithms(List.of(JWSAlgorithm.HS512))).isEqualTo(Set.of(JWSAlgorithm.RS256));
    assertThat(SsoProvider.signatureAlgorithms(null)).isEqualTo(Set.of(JWSAlgorithm.RS256));
  }
}
