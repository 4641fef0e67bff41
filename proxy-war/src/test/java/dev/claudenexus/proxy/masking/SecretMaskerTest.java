package dev.claudenexus.proxy.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

  @Test
  void anthropicApiKeyMasked() {
    assertEquals("key sk-ant-**** end", SecretMasker.mask("key sk-ant-api03-AbC_d-ef123 end"));
  }

  @Test
  void oauthTokenMasked() {
    assertEquals("sk-ant-****", SecretMasker.mask("sk-ant-oat01-xyz_ABC-123"));
  }

  @Test
  void bearerTokenMasked() {
    assertEquals("Authorization: Bearer ****", SecretMasker.mask("Authorization: Bearer abc.DEF-123_~+/=="));
  }

  @Test
  void bearerMatchedInAnyCase() {
    assertEquals("Bearer ****", SecretMasker.mask("bearer some-opaque-token"));
  }

  @Test
  void bearerWithAnthropicTokenMaskedAsBearer() {
    assertEquals("Bearer ****", SecretMasker.mask("Bearer sk-ant-oat01-secret"));
  }

  @Test
  void clientKeyMasked() {
    assertEquals("use cnp_****.", SecretMasker.mask("use cnp_live_0123456789abcdef."));
  }

  @Test
  void jsonWithSeveralSecretsMasked() {
    String json = "{\"a\":\"sk-ant-api03-one\",\"b\":\"cnp_live_two\",\"c\":\"Bearer three\"}";

    String masked = SecretMasker.mask(json);

    assertEquals("{\"a\":\"sk-ant-****\",\"b\":\"cnp_****\",\"c\":\"Bearer ****\"}", masked);
  }

  @Test
  void maskingIsIdempotent() {
    String once = SecretMasker.mask("sk-ant-api03-x cnp_live_y Bearer z");

    assertEquals(once, SecretMasker.mask(once));
  }

  @Test
  void textWithoutSecretsUnchanged() {
    String text = "sk-ant is a prefix, cnp is a word, and sk-ant- alone is no key.";

    assertEquals(text, SecretMasker.mask(text));
  }

  @Test
  void bearerInProseMaskedToo() {
    // The pattern cannot tell prose from a token, so it errs on the side of masking.
    assertEquals("the Bearer **** good news", SecretMasker.mask("the bearer of good news"));
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertNull(SecretMasker.mask(null));
    assertEquals("", SecretMasker.mask(""));
  }

  @Test
  void credentialMaskKeepsOnlyItsKind() {
    assertEquals("Bearer ****", SecretMasker.maskCredential("Bearer cnp_live_abc"));
    assertEquals("Bearer ****", SecretMasker.maskCredential("bearer token"));
    assertEquals("sk-ant-****", SecretMasker.maskCredential("sk-ant-api03-abc"));
    assertEquals("cnp_****", SecretMasker.maskCredential(" cnp_live_abc "));
    assertEquals("****", SecretMasker.maskCredential("some-other-key"));
    assertNull(SecretMasker.maskCredential(null));
  }

  @Test
  void credentialHeadersRecognised() {
    assertTrue(SecretMasker.isCredentialHeader("Authorization"));
    assertTrue(SecretMasker.isCredentialHeader("x-api-key"));
    assertTrue(SecretMasker.isCredentialHeader("cookie"));
    assertFalse(SecretMasker.isCredentialHeader("anthropic-version"));
  }

  @Test
  void headersMaskedByName() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-api-key", List.of("plain-secret-without-prefix"));
    headers.put("authorization", List.of("Bearer abc"));
    headers.put("user-agent", List.of("client sk-ant-api03-leak"));

    Map<String, List<String>> masked = SecretMasker.maskHeaders(headers);

    assertEquals(List.of("****"), masked.get("x-api-key"));
    assertEquals(List.of("Bearer ****"), masked.get("authorization"));
    assertEquals(List.of("client sk-ant-****"), masked.get("user-agent"));
  }
}
