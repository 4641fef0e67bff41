package dev.claudenexus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL connection settings parsed from the original product's {@code DATABASE_URL} form,
 * {@code postgresql://user:password@host:port/database?param=value} (also {@code postgres://}).
 * User and password may be percent-encoded; query parameters such as {@code sslmode} become driver
 * properties.
 */
public record DatabaseUrl(
    String host,
    int port,
    String database,
    String user,
    String password,
    Map<String, String> parameters) {

  /**
   * Parses a {@code DATABASE_URL} value.
   *
   * @throws IllegalArgumentException with a message naming the problem (never the password)
   */
  public static DatabaseUrl parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }

    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
    }

    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql:// or postgres:// (expected"
              + " postgresql://user:password@host:port/database)");
    }
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql:// or postgres://, not " + scheme + "://");
    }

    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("DATABASE_URL has no host name");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty()) {
      throw new IllegalArgumentException("DATABASE_URL has no database name after the host");
    }

    String[] userInfo = splitUserInfo(uri.getRawUserInfo());
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return new DatabaseUrl(
        uri.getHost(), port, database, userInfo[0], userInfo[1], parseQuery(uri.getRawQuery()));
  }

  /** Returns the JDBC URL without credentials. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl() + ", user=" + user + "]";
  }

  private static String[] splitUserInfo(String rawUserInfo) {
    if (rawUserInfo == null || rawUserInfo.isEmpty()) {
      return new String[] {"postgres", ""};
    }
    int colon = rawUserInfo.indexOf(':');
    if (colon < 0) {
      return new String[] {decode(rawUserInfo), ""};
    }
    return new String[] {
      decode(rawUserInfo.substring(0, colon)), decode(rawUserInfo.substring(colon + 1))
    };
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
