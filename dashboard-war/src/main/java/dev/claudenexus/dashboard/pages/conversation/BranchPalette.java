package dev.claudenexus.dashboard.pages.conversation;

import java.util.List;

/**
 * Colours of branches: {@code main} is grey, every other branch takes one of eight colours chosen by
 * a hash of its name, so a branch keeps its colour across pages and visits. The colours are fixed
 * hex values, never text from the request, and read on the light and the dark theme.
 */
public final class BranchPalette {

  static final String MAIN = "#8a94a3";
  static final List<String> COLOURS = List.of(
      "#3b82f6", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316");

  private BranchPalette() {}

  /** Returns the colour of a branch; {@code null} counts as {@code main}. */
  public static String colour(String branchId) {
    if (branchId == null || branchId.equals("main")) {
      return MAIN;
    }
    return COLOURS.get(Math.floorMod(stableHash(branchId), COLOURS.size()));
  }

  /** Returns the FNV-1a hash of the name's UTF-16 code units, the same in every JVM and release. */
  static int stableHash(String name) {
    int hash = 0x811c9dc5;
    for (int i = 0; i < name.length(); i++) {
      hash ^= name.charAt(i);
      hash *= 0x01000193;
    }
    return hash;
  }
}
