package dev.claudenexus.api.json;

/**
 * Measures how deeply a JSON text nests arrays and objects, without parsing it. The JSON parser of
 * the server (Parsson) builds nested values by recursion and has no depth limit, so a body of a few
 * thousand {@code [} characters ends in a {@link StackOverflowError}; request bodies are checked
 * with this first.
 */
public final class JsonNesting {

  /** The deepest nesting that request bodies may have. */
  public static final int MAX_DEPTH = 64;

  private JsonNesting() {}

  /** Returns whether the text opens more than {@code max} arrays or objects inside each other. */
  public static boolean exceeds(byte[] json, int max) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : json) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        if (++depth > max) {
          return true;
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return false;
  }
}
