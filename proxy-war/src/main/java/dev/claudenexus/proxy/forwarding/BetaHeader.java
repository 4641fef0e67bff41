package dev.claudenexus.proxy.forwarding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Merges {@code anthropic-beta} flags: client flags first in their order, no duplicates. */
final class BetaHeader {

  private BetaHeader() {}

  /** Returns one header value with the client's flags and the added ones, or {@code null}. */
  static String merge(List<String> clientValues, String... added) {
    Set<String> flags = new LinkedHashSet<>();
    if (clientValues != null) {
      for (String value : clientValues) {
        for (String flag : value.split(",")) {
          if (!flag.isBlank()) {
            flags.add(flag.strip());
          }
        }
      }
    }
    for (String flag : added) {
      flags.add(flag);
    }
    return flags.isEmpty() ? null : String.join(",", flags);
  }
}
