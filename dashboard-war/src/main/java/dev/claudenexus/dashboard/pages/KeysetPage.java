package dev.claudenexus.dashboard.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a newest-first list paged by keyset cursors in both directions. {@code previous} is
 * the cursor of the first row, which leads to the page before. {@code next} is the cursor of the
 * last row, which leads to the page after. Each is empty where no such page exists.
 *
 * @param <T> the row type
 */
public record KeysetPage<T>(List<T> rows, Optional<String> previous, Optional<String> next) {

  /**
   * Builds the page after a cursor, or the first page, from up to {@code limit + 1} rows read
   * newest first. The extra row only shows that a next page exists. A page after a cursor always
   * has a page before it, since the cursor came from one of its rows.
   */
  public static <T> KeysetPage<T> forward(List<T> newestFirst, int limit, boolean afterCursor,
      Function<T, String> cursorOf) {
    List<T> rows = List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    boolean more = newestFirst.size() > limit;
    Optional<String> previous = afterCursor && !rows.isEmpty()
        ? Optional.of(cursorOf.apply(rows.get(0))) : Optional.empty();
    Optional<String> next = more ? Optional.of(cursorOf.apply(rows.get(rows.size() - 1)))
        : Optional.empty();
    return new KeysetPage<>(rows, previous, next);
  }

  /**
   * Builds the page before a cursor from up to {@code limit + 1} rows newer than it, read oldest
   * first. The extra row shows that a page before this one exists. The cursor's own row follows
   * the page, so it always has a next page.
   */
  public static <T> KeysetPage<T> backward(List<T> oldestFirst, int limit,
      Function<T, String> cursorOf) {
    List<T> rows = new ArrayList<>(oldestFirst.subList(0, Math.min(limit, oldestFirst.size())));
    Collections.reverse(rows);
    boolean more = oldestFirst.size() > limit;
    Optional<String> previous = more ? Optional.of(cursorOf.apply(rows.get(0))) : Optional.empty();
    Optional<String> next = rows.isEmpty() ? Optional.empty()
        : Optional.of(cursorOf.apply(rows.get(rows.size() - 1)));
    return new KeysetPage<>(List.copyOf(rows), previous, next);
  }

  /** Returns whether this page starts the list: no page comes before it. */
  public boolean first() {
    return previous.isEmpty();
  }
}
