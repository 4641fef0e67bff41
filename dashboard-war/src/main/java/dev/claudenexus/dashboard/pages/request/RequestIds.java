package dev.claudenexus.dashboard.pages.request;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the ids in the item pages' paths. */
public final class RequestIds {

  private static final Pattern CANONICAL = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private RequestIds() {}

  /**
   * Returns the UUID written in the canonical 36-character form, or empty for anything else
   * ({@link UUID#fromString} also accepts shortened groups, which no stored id has).
   */
  public static Optional<UUID> parse(String value) {
    if (value == null || !CANONICAL.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(value));
  }
}
