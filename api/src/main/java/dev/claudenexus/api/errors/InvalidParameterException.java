package dev.claudenexus.api.errors;

/** A query or path parameter that is malformed or out of range, which the API rejects with 400. */
public class InvalidParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param parameter the parameter's name, as the client sent it
   * @param expectation what a valid value looks like, such as "a number from 1 to 500"
   * @param value the rejected value
   */
  public InvalidParameterException(String parameter, String expectation, String value) {
    super("Invalid " + parameter + " \"" + abbreviate(value) + "\": expected " + expectation);
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
