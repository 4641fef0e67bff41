package dev.claudenexus.proxy.auth;

import java.util.Locale;

/**
 * The check that a raw request path is in the form the servlet container maps it by. The container
 * resolves dot segments, drops path parameters and decodes the path before it picks a filter and a
 * servlet, while the proxy checks and forwards the raw path. Only a path that resolves to itself
 * lets both see the same path.
 */
final class CanonicalPath {

  private CanonicalPath() {}

  /**
   * Returns whether {@code rawPath} has no empty, {@code .} or {@code ..} segment, no path
   * parameter, no backslash and no percent-encoded dot, slash or backslash.
   */
  static boolean isCanonical(String rawPath) {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.indexOf(';') >= 0
        || rawPath.indexOf('\\') >= 0) {
      return false;
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
      return false;
    }
    int start = 1;
    while (start <= rawPath.length()) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) {
        end = rawPath.length();
      }
      String segment = rawPath.substring(start, end);
      boolean last = end == rawPath.length();
      // A trailing slash leaves an empty last segment, which is allowed. An empty inner one is not.
      if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }
}
