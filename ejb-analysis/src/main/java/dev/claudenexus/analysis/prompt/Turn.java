package dev.claudenexus.analysis.prompt;

/**
 * One turn of the conversation as the model receives it.
 *
 * @param role {@code user} or {@code model}, Gemini's names
 */
public record Turn(String role, String text) {

  public static final String USER = "user";
  public static final String MODEL = "model";

  public static Turn user(String text) {
    return new Turn(USER, text);
  }

  public static Turn model(String text) {
    return new Turn(MODEL, text);
  }
}
