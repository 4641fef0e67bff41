package dev.claudenexus.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Order in which {@link JsJson} writes the members of each object. */
enum KeyOrder {
  /**
   * JavaScript's own-property order: keys that are array indices first, in ascending numeric order,
   * then the other keys in the order parsed. A duplicated key keeps its first position, because the
   * JSON-P parser (Parsson) stores members in a {@link java.util.LinkedHashMap} whose second
   * {@code put} of a key replaces the value in place, just as {@code JSON.parse} does.
   */
  JAVASCRIPT {
    @Override
    List<String> apply(Collection<String> keys) {
      List<String> indices = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String key : keys) {
        (arrayIndex(key) >= 0 ? indices : names).add(key);
      }
      indices.sort((a, b) -> Long.compare(arrayIndex(a), arrayIndex(b)));
      indices.addAll(names);
      return indices;
    }
  },
  /**
   * Every key sorted by UTF-16 code units, so the text does not depend on the order the keys arrived
   * in. PostgreSQL's jsonb type does not keep key order, so only this order gives the same text for
   * a live request and for the same request read back from a jsonb column.
   */
  SORTED {
    @Override
    List<String> apply(Collection<String> keys) {
      List<String> sorted = new ArrayList<>(keys);
      sorted.sort(null);
      return sorted;
    }
  };

  private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

  abstract List<String> apply(Collection<String> keys);

  /**
   * Returns the array index that a key names in JavaScript, or -1 when it names none: a canonical
   * decimal integer ("0", or digits without a leading zero) from 0 to 2^32 - 2.
   */
  static long arrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX ? value : -1;
  }
}
