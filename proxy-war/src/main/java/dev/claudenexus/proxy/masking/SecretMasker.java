package dev.claudenexus.proxy.masking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces API keys and tokens with fixed masks: Anthropic keys and OAuth tokens with
 * {@code sk-ant-****}, bearer tokens with {@code Bearer ****}, and the proxy's client keys with
 * {@code cnp_****}. A credential of another shape is recognised only in a credential header, where
 * it becomes {@code ****}.
 */
public final class SecretMasker {

  public static final String ANTHROPIC_MASK = "sk-ant-****";
  public static final String BEARER_MASK = "Bearer ****";
  public static final String CLIENT_KEY_MASK = "cnp_****";
  public static final String OTHER_MASK = "****";

  /** Headers whose whole value is a credential. */
  private static final Set<String> CREDENTIAL_HEADERS = Set.of(
      "authorization", "x-api-key", "proxy-authorization", "x-dashboard-key", "cookie", "set-cookie");

  // Token characters of RFC 6750 (b64token) plus padding, so the whole token is replaced.
  private static final Pattern BEARER = Pattern.compile("(?i)\\bBearer\\s+[A-Za-z0-9\\-._~+/]+=*");
  private static final Pattern ANTHROPIC_KEY = Pattern.compile("sk-ant-[A-Za-z0-9_\\-]+");
  private static final Pattern CLIENT_KEY = Pattern.compile("cnp_[A-Za-z0-9_\\-]+");

  private SecretMasker() {}

  /** Returns the text with every bearer token, Anthropic key and client key masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = BEARER.matcher(text).replaceAll(BEARER_MASK);
    masked = ANTHROPIC_KEY.matcher(masked).replaceAll(ANTHROPIC_MASK);
    return CLIENT_KEY.matcher(masked).replaceAll(CLIENT_KEY_MASK);
  }

  /**
   * Returns the mask of a whole credential value, such as an {@code x-api-key} or
   * {@code Authorization} header: its kind is kept and the secret part never is.
   *
   * @return {@code null} for a null value
   */
  public static String maskCredential(String value) {
    if (value == null) {
      return null;
    }
    String credential = value.strip();
    if (credential.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return BEARER_MASK;
    }
    if (credential.startsWith("sk-ant-")) {
      return ANTHROPIC_MASK;
    }
    if (credential.startsWith("cnp_")) {
      return CLIENT_KEY_MASK;
    }
    return OTHER_MASK;
  }

  /** Returns whether a header (any case) carries a credential as its whole value. */
  public static boolean isCredentialHeader(String name) {
    return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns a copy of the headers in which credential headers hold their mask and every other
   * value is passed through {@link #mask}.
   */
  public static Map<String, List<String>> maskHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> masked = new LinkedHashMap<>();
    headers.forEach((name, values) -> masked.put(name, values.stream()
        .map(value -> isCredentialHeader(name) ? maskCredential(value) : mask(value))
        .toList()));
    return masked;
  }
}
