package dev.claudenexus.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * OpenID Connect single sign-on settings of the dashboard, read by both services: the dashboard runs
 * the login, and both ports accept the provider's tokens on {@code /api/*}. The launcher checks them
 * before a start, and each war again when it first reads them.
 *
 * @param issuer {@code OIDC_ISSUER_URI}: the provider's issuer, whose
 *     {@code .well-known/openid-configuration} names its endpoints and keys
 * @param clientId {@code OIDC_CLIENT_ID}: the dashboard's client id at the provider, and the
 *     audience its tokens must name
 * @param clientSecret {@code OIDC_CLIENT_SECRET}: empty for a public client, which relies on PKCE
 * @param scopes {@code OIDC_SCOPES}: requested scopes, always including {@code openid}
 * @param groupsClaim {@code OIDC_GROUPS_CLAIM}: the token claim that lists the user's groups
 * @param adminGroups {@code OIDC_ADMIN_GROUPS}: groups whose members get the roles admin and viewer
 * @param viewerGroups {@code OIDC_VIEWER_GROUPS}: groups whose members get the role viewer
 */
public record SsoSettings(
    URI issuer,
    String clientId,
    Optional<String> clientSecret,
    List<String> scopes,
    String groupsClaim,
    Set<String> adminGroups,
    Set<String> viewerGroups) {

  static final String DEFAULT_SCOPES = "openid profile email";
  static final String DEFAULT_GROUPS_CLAIM = "groups";
  static final int MAX_URI_LENGTH = 2048;
  static final int MAX_VALUE_LENGTH = 256;
  static final int MAX_SECRET_LENGTH = 1024;
  static final int MAX_LIST_ITEMS = 100;

  private static final List<String> OTHER_SETTINGS = List.of("OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET",
      "OIDC_SCOPES", "OIDC_GROUPS_CLAIM", "OIDC_ADMIN_GROUPS", "OIDC_VIEWER_GROUPS");

  /**
   * Reads the settings; empty when {@code OIDC_ISSUER_URI} is unset, which turns single sign-on off.
   *
   * @param setting returns a setting by name, empty when it is unset
   * @throws IllegalArgumentException naming the setting and the fix when a value is invalid
   */
  public static Optional<SsoSettings> from(Function<String, Optional<String>> setting) {
    Function<String, Optional<String>> value = name -> setting.apply(name)
        .map(String::strip).filter(text -> !text.isEmpty());
    Optional<String> issuer = value.apply("OIDC_ISSUER_URI");
    if (issuer.isEmpty()) {
      for (String name : OTHER_SETTINGS) {
        if (value.apply(name).isPresent()) {
          throw new IllegalArgumentException(name + " is set but OIDC_ISSUER_URI is not: set"
              + " OIDC_ISSUER_URI to turn single sign-on on, or remove the OIDC_* settings");
        }
      }
      return Optional.empty();
    }
    String clientId = value.apply("OIDC_CLIENT_ID").orElseThrow(() -> new IllegalArgumentException(
        "OIDC_CLIENT_ID is missing: set it to the dashboard's client id at the provider"));
    requirePrintable("OIDC_CLIENT_ID", clientId, MAX_VALUE_LENGTH);
    Optional<String> secret = value.apply("OIDC_CLIENT_SECRET");
    secret.ifPresent(text -> requireLength("OIDC_CLIENT_SECRET", text, MAX_SECRET_LENGTH));
    String groupsClaim = value.apply("OIDC_GROUPS_CLAIM").orElse(DEFAULT_GROUPS_CLAIM);
    requirePrintable("OIDC_GROUPS_CLAIM", groupsClaim, MAX_VALUE_LENGTH);
    Set<String> adminGroups = groups("OIDC_ADMIN_GROUPS", value.apply("OIDC_ADMIN_GROUPS"));
    Set<String> viewerGroups = groups("OIDC_VIEWER_GROUPS", value.apply("OIDC_VIEWER_GROUPS"));
    if (adminGroups.isEmpty() && viewerGroups.isEmpty()) {
      throw new IllegalArgumentException("OIDC_ADMIN_GROUPS and OIDC_VIEWER_GROUPS are both empty, so"
          + " no single sign-on user could log in: list the provider's groups for each role");
    }
    return Optional.of(new SsoSettings(issuer(issuer.get()), clientId, secret,
        scopes(value.apply("OIDC_SCOPES").orElse(DEFAULT_SCOPES)), groupsClaim, adminGroups,
        viewerGroups));
  }

  static URI issuer(String text) {
    requireLength("OIDC_ISSUER_URI", text, MAX_URI_LENGTH);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("OIDC_ISSUER_URI is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("OIDC_ISSUER_URI must be an https:// URL with a host and"
          + " without user, query or fragment, such as https://login.example.com/realms/team");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
    if (!https && !loopbackHttp) {
      throw new IllegalArgumentException("OIDC_ISSUER_URI must use https:// (http:// only to a"
          + " loopback address such as 127.0.0.1), not " + uri.getScheme() + "://");
    }
    return uri;
  }

  static List<String> scopes(String text) {
    List<String> scopes = Arrays.stream(text.split("[\\s,]+"))
        .filter(scope -> !scope.isEmpty())
        .distinct()
        .toList();
    if (scopes.size() > MAX_LIST_ITEMS) {
      throw new IllegalArgumentException("OIDC_SCOPES lists " + scopes.size() + " scopes; at most "
          + MAX_LIST_ITEMS + " are allowed");
    }
    for (String scope : scopes) {
      // RFC 6749 section 3.3: a scope token is printable ASCII except space, '"' and '\'.
      if (scope.length() > MAX_VALUE_LENGTH
          || !scope.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
        throw new IllegalArgumentException("OIDC_SCOPES contains an invalid scope \"" + scope
            + "\": scopes are printable ASCII without quotes or backslashes, separated by spaces");
      }
    }
    if (!scopes.contains("openid")) {
      throw new IllegalArgumentException("OIDC_SCOPES must contain openid (the default is \""
          + DEFAULT_SCOPES + "\")");
    }
    return scopes;
  }

  private static Set<String> groups(String name, Optional<String> text) {
    Set<String> groups = new LinkedHashSet<>();
    text.ifPresent(list -> {
      for (String group : list.split(",")) {
        String stripped = group.strip();
        if (!stripped.isEmpty()) {
          requirePrintable(name, stripped, MAX_VALUE_LENGTH);
          groups.add(stripped);
        }
      }
    });
    if (groups.size() > MAX_LIST_ITEMS) {
      throw new IllegalArgumentException(name + " lists " + groups.size() + " groups; at most "
          + MAX_LIST_ITEMS + " are allowed");
    }
    return Set.copyOf(groups);
  }

  private static void requirePrintable(String name, String value, int maxLength) {
    requireLength(name, value, maxLength);
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(name + " contains a control character; remove it");
    }
  }

  private static void requireLength(String name, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is " + value.length() + " characters long; at most "
          + maxLength + " are allowed");
    }
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses are checked, so no name is looked up while the settings are read.
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SsoSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
        + (clientSecret.isPresent() ? "****" : "none") + ", scopes=" + scopes + ", groupsClaim="
        + groupsClaim + ", adminGroups=" + adminGroups + ", viewerGroups=" + viewerGroups + "]";
  }
}
