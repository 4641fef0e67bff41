package dev.claudenexus.proxy.credentials;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The normalised domain of a request, derived from its {@code Host} header: lower case, with the port
 * kept only for {@code localhost} and IP addresses (so two local proxies on different ports can use
 * different credentials) and dropped for names.
 */
public final class DomainName {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+\\](:\\d{1,5})?");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");
  private static final Pattern SAFE = Pattern.compile("[a-zA-Z0-9.\\-:\\[\\]]+");
  private static final int MAX_LENGTH = 255;

  private static final Pattern SAFE_FILE_NAME = Pattern.compile("[a-zA-Z0-9.\\-:]+");

  private DomainName() {}

  /** Returns the normalised domain, or empty when the header is missing or not a valid host. */
  public static Optional<String> fromHost(String hostHeader) {
    if (hostHeader == null) {
      return Optional.empty();
    }
    String stripped = hostHeader.strip();
    // Checked before lower-casing, because some non-ASCII letters (such as the Kelvin sign)
    // lower-case to ASCII ones.
    if (stripped.isEmpty() || stripped.length() > MAX_LENGTH || !SAFE.matcher(stripped).matches()) {
      return Optional.empty();
    }
    String host = stripped.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return IPV6_LITERAL.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }
    int colon = host.indexOf(':');
    if (colon < 0) {
      return Optional.of(host);
    }
    String name = host.substring(0, colon);
    if (name.isEmpty() || !PORT.matcher(host.substring(colon + 1)).matches()) {
      return Optional.empty();
    }
    boolean keepPort = name.equals("localhost") || IPV4.matcher(name).matches();
    return Optional.of(keepPort ? host : name);
  }

  /**
   * Returns whether a domain may name a credential file: only letters, digits, dots, hyphens and
   * colons, and no {@code ..}.
   */
  public static boolean isSafeFileName(String domain) {
    return domain != null
        && !domain.isEmpty()
        && SAFE_FILE_NAME.matcher(domain).matches()
        && !domain.contains("..");
  }
}
