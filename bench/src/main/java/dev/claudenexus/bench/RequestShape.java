package dev.claudenexus.bench;

import java.nio.charset.StandardCharsets;

/**
 * One kind of Messages API request in the benchmark: the body size and whether it requests a stream.
 *
 * @param label short name used in the report, for example {@code 300 B JSON}
 * @param bodyBytes size of the request body in bytes
 * @param streaming whether the body has {@code "stream": true}
 */
record RequestShape(String label, int bodyBytes, boolean streaming) {

  /** Model named by the benchmark's ordinary requests, which the fake echoes. */
  static final String MODEL = "claude-sonnet-4-5";

  static final int SMALL_BODY_BYTES = 300;
  static final int LARGE_BODY_BYTES = 50 * 1024;

  static RequestShape of(int bodyBytes, boolean streaming) {
    String size = bodyBytes >= 1024 ? (bodyBytes / 1024) + " KB" : bodyBytes + " B";
    return new RequestShape(size + (streaming ? " stream" : " JSON"), bodyBytes, streaming);
  }

  /** Builds a request body of exactly {@link #bodyBytes} bytes, padding the user message with text. */
  byte[] body() {
    return body(MODEL);
  }

  /** Builds the body for another model, keeping the size. */
  byte[] body(String model) {
    String head = "{\"model\":\"" + model + "\",\"max_tokens\":256,"
        + (streaming ? "\"stream\":true," : "")
        + "\"messages\":[{\"role\":\"user\",\"content\":\"";
    String tail = "\"}]}";
    int padding = bodyBytes - head.length() - tail.length();
    if (padding < 1) {
      throw new IllegalArgumentException("A body of " + bodyBytes + " bytes is too small for a message");
    }
    StringBuilder text = new StringBuilder(padding);
    String words = "Summarise the benchmark notes in three short sentences. ";
    while (text.length() < padding) {
      text.append(words, 0, Math.min(words.length(), padding - text.length()));
    }
    return (head + text + tail).getBytes(StandardCharsets.US_ASCII);
  }
}
