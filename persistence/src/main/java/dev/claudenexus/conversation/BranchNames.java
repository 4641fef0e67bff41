package dev.claudenexus.conversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;

/** Names of branches. Times in names are UTC, so every instance names a branch the same way. */
public final class BranchNames {

  public static final String MAIN = "main";
  public static final String SUBTASK_PREFIX = "subtask_";
  public static final String COMPACT_PREFIX = "compact_";
  public static final String BRANCH_PREFIX = "branch_";

  private static final DateTimeFormatter BRANCH_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COMPACT_TIME =
      DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

  private BranchNames() {}

  /** Returns the name of a branch opened by a request that re-sends an earlier prefix. */
  public static String branch(Instant requestTime) {
    return BRANCH_PREFIX + BRANCH_TIME.format(requestTime);
  }

  /** Returns the name of the branch that a compacted conversation continues on. */
  public static String compact(Instant requestTime) {
    return COMPACT_PREFIX + COMPACT_TIME.format(requestTime);
  }

  public static String subtask(int number) {
    return SUBTASK_PREFIX + number;
  }

  public static boolean isCompact(String branchId) {
    return branchId != null && branchId.startsWith(COMPACT_PREFIX);
  }

  /** Returns {@code n} of a {@code subtask_<n>} branch, or empty for any other branch. */
  public static OptionalInt subtaskNumber(String branchId) {
    if (branchId == null || !branchId.startsWith(SUBTASK_PREFIX)) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(branchId.substring(SUBTASK_PREFIX.length())));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
