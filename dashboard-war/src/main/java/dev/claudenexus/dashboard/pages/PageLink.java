package dev.claudenexus.dashboard.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page path with query parameters, for links that keep a page's filters. Parameters without a
 * value are left out, and names and values are URL-encoded.
 */
public final class PageLink {

  private final String path;
  private final Map<String, String> parameters = new LinkedHashMap<>();

  private PageLink(String path) {
    this.path = path;
  }

  /** Starts a link to {@code path}, such as {@code /dashboard/requests}. */
  public static PageLink to(String path) {
    return new PageLink(path);
  }

  /** Adds {@code name=value} unless the value is {@code null} or blank. */
  public PageLink with(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      parameters.put(name, value.toString());
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder link = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      link.append(separator).append(encode(parameter.getKey())).append('=')
          .append(encode(parameter.getValue()));
      separator = '&';
    }
    return link.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
