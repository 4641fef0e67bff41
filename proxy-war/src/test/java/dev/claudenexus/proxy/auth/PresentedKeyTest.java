package dev.claudenexus.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PresentedKeyTest {

  private static final String KEY = "cnp_live_abc123";

  /**
   * Returns a request that implements only {@code getHeader}, with case-insensitive names as the
   * Servlet API requires; any other method throws.
   */
  private static HttpServletRequest request(String... namesAndValues) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return (HttpServletRequest) Proxy.newProxyInstance(
        PresentedKeyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("getHeader")) {
            return headers.get((String) arguments[0]);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static PresentedKey of(String... namesAndValues) {
    return PresentedKey.of(request(namesAndValues));
  }

  @Test
  void apiKeyHeaderIsUsed() {
    assertEquals(new PresentedKey(KEY, false), of("x-api-key", KEY));
  }

  @Test
  void apiKeyIsStripped() {
    assertEquals(KEY, of("X-Api-Key", "  " + KEY + "\t").key());
  }

  @Test
  void apiKeyWinsOverBearer() {
    assertEquals(new PresentedKey(KEY, false), of("x-api-key", KEY, "Authorization", "Bearer other"));
  }

  @Test
  void apiKeyWinsOverMalformedAuthorization() {
    assertEquals(new PresentedKey(KEY, false), of("x-api-key", KEY, "Authorization", "Basic dXNlcg=="));
  }

  @Test
  void blankApiKeyFallsBackToBearer() {
    assertEquals(new PresentedKey(KEY, false), of("x-api-key", "   ", "Authorization", "Bearer " + KEY));
  }

  @Test
  void bearerTokenIsUsed() {
    assertEquals(new PresentedKey(KEY, false), of("Authorization", "Bearer " + KEY));
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
      assertEquals(new PresentedKey(KEY, false), of("Authorization", scheme + " " + KEY), scheme);
    }
  }

  @Test
  void extraWhitespaceIsIgnored() {
    for (String value : List.of("  Bearer   " + KEY + "  ", "Bearer\t" + KEY, "Bearer \t " + KEY + "\t")) {
      assertEquals(new PresentedKey(KEY, false), of("Authorization", value), value);
    }
  }

  @Test
  void tokenCaseIsKept() {
    assertEquals("cnp_live_ABC", of("Authorization", "Bearer cnp_live_ABC").key());
  }

  @Test
  void basicSchemeIsMalformed() {
    assertEquals(new PresentedKey(null, true), of("Authorization", "Basic dXNlcjpwYXNz"));
  }

  @Test
  void bareTokenIsMalformed() {
    assertEquals(new PresentedKey(null, true), of("Authorization", KEY));
  }

  @Test
  void bearerWithoutSpaceIsMalformed() {
    assertEquals(new PresentedKey(null, true), of("Authorization", "Bearer" + KEY));
  }

  @Test
  void bearerWithEmptyTokenIsMalformed() {
    for (String value : List.of("Bearer", "Bearer ", "Bearer    ", "bearer\t")) {
      PresentedKey key = of("Authorization", value);

      assertNull(key.key(), value);
      assertTrue(key.malformedAuthorization(), value);
    }
  }

  @Test
  void noHeadersPresentNoKey() {
    PresentedKey key = of();

    assertNull(key.key());
    assertFalse(key.malformedAuthorization());
  }

  @Test
  void blankAuthorizationPresentsNoKey() {
    assertEquals(new PresentedKey(null, false), of("Authorization", "   "));
  }
}
