package dev.claudenexus.pricing;

/** A model price file that could not be read or does not have the expected format. */
public class InvalidPriceFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a file.
   *
   * @param source the file path or resource name, as the message should show it
   * @param problem what is wrong, naming the entry and field when there is one
   */
  public InvalidPriceFileException(String source, String problem) {
    super("Invalid model price file " + source + ": " + problem);
  }

  public InvalidPriceFileException(String source, String problem, Throwable cause) {
    super("Invalid model price file " + source + ": " + problem, cause);
  }
}
