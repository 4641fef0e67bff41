package dev.claudenexus.pricing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of Claude model ids, so that the ids of one model on the Anthropic API, Amazon Bedrock and
 * Google Vertex AI compare equal.
 */
final class ModelIds {

  private static final String BEDROCK_VENDOR_PREFIX = "anthropic.";

  /** A release date ({@code -20250514}, or {@code @20250514} on Vertex AI), then a Bedrock {@code -v1:0}. */
  private static final Pattern VERSION_SUFFIX =
      Pattern.compile("^(.+?)(?:[-@]\\d{8})?(?:-v\\d+(?::\\d+)?)?$");

  private static final int MAX_KEPT_IDS = 1_000;
  private static final int MAX_KEPT_ID_LENGTH = 200;
  private static final Map<String, String> UNVERSIONED = new ConcurrentHashMap<>();

  private ModelIds() {}

  /**
   * Returns the id in lower case without surrounding blanks and without a Bedrock region and vendor
   * prefix, so {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0} becomes
   * {@code claude-sonnet-4-5-20250929-v1:0}.
   */
  static String normalize(String model) {
    String id = model.strip().toLowerCase(Locale.ROOT);
    int vendor = id.lastIndexOf(BEDROCK_VENDOR_PREFIX);
    return vendor < 0 ? id : id.substring(vendor + BEDROCK_VENDOR_PREFIX.length());
  }

  /** Returns a normalized id without its release date and Bedrock version suffix. */
  static String withoutVersionSuffix(String normalizedId) {
    // Each request prices its model, and the pattern backtracks over the whole id, so results are
    // kept. Clients send few distinct ids. Past the caps, which bound the memory a client can fill,
    // the pattern runs each time.
    String known = UNVERSIONED.get(normalizedId);
    if (known != null) {
      return known;
    }
    Matcher matcher = VERSION_SUFFIX.matcher(normalizedId);
    String unversioned = matcher.matches() ? matcher.group(1) : normalizedId;
    if (normalizedId.length() <= MAX_KEPT_ID_LENGTH && UNVERSIONED.size() < MAX_KEPT_IDS) {
      UNVERSIONED.put(normalizedId, unversioned);
    }
    return unversioned;
  }
}
