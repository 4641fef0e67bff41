package dev.claudenexus.proxy.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the URLs that side outputs are posted to. No host name is resolved. */
public final class EndpointUrls {

  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private EndpointUrls() {}

  /**
   * Parses a URL that may carry secrets or private content: {@code https://}, or {@code http://}
   * to a loopback address ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), as tests use.
   *
   * @throws IllegalArgumentException with a message that names the rule the URL breaks. The message
   *     never repeats the URL, because webhook URLs contain their secret.
   */
  public static URI secure(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return uri;
    }
    throw new IllegalArgumentException("the URL must start with https:// (plain http:// is accepted"
        + " only for a loopback address such as 127.0.0.1)");
  }

  /**
   * Parses an {@code http://} or {@code https://} URL.
   *
   * @throws IllegalArgumentException when the URL is not absolute HTTP(S) with a host
   */
  public static URI http(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("the URL must start with https:// or http://");
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost") || lower.equals("[::1]") || lower.equals("::1")
        || LOOPBACK_IPV4.matcher(lower).matches();
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the URL is not valid");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("the URL must be absolute, with a scheme and a host");
    }
    return uri;
  }
}
