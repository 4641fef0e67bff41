package dev.claudenexus.proxy.forwarding;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a client request: headers, the body up to the size limit, and for {@code POST /v1/messages}
 * and {@code /v1/messages/count_tokens} the checks the proxy makes before forwarding (valid JSON,
 * a {@code model} string and a {@code messages} array).
 */
final class InboundRequestReader {

  /** Size of the first array a body with a declared length is read into, 64 KiB. */
  static final int FIRST_READ_BYTES = 64 * 1024;

  /** Largest body a Java array can contain, whatever the value of {@code MAX_REQUEST_SIZE}. */
  static final int MAX_BODY_BYTES = Integer.MAX_VALUE - 8;

  private InboundRequestReader() {}

  static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      List<String> values = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      values.addAll(Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  /**
   * Reads the body.
   *
   * @throws RejectedRequestException 413 when the body is larger than {@code maxRequestBytes} or
   *     than {@link #MAX_BODY_BYTES}
   */
  static byte[] body(HttpServletRequest request, long maxRequestBytes)
      throws IOException, RejectedRequestException {
    long maxBytes = Math.min(maxRequestBytes, MAX_BODY_BYTES);
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    InputStream in = request.getInputStream();
    if (declared >= 0) {
      byte[] body = readDeclared(in, (int) declared);
      if (body.length < declared) {
        throw new RejectedRequestException(400, "invalid_request_error",
            "The request body ended after " + body.length + " of " + declared + " bytes");
      }
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = in.read(buffer)) > 0) {
      if (out.size() + read > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  /**
   * Reads a body of a declared length into an array that starts at {@link #FIRST_READ_BYTES} and
   * doubles as the bytes arrive, up to the declared length. A body up to that size is read in place
   * with no copy, and a client that declares a large body and sends little gets little memory.
   */
  private static byte[] readDeclared(InputStream in, int declared) throws IOException {
    byte[] body = new byte[Math.min(declared, FIRST_READ_BYTES)];
    int filled = 0;
    while (true) {
      if (filled == body.length) {
        if (filled == declared) {
          return body;
        }
        body = Arrays.copyOf(body, (int) Math.min(declared, 2L * body.length));
      }
      int read = in.read(body, filled, body.length - filled);
      if (read < 0) {
        return Arrays.copyOf(body, filled);
      }
      filled += read;
    }
  }

  /**
   * Reads and checks the body of a Messages API call.
   *
   * @throws RejectedRequestException 400 naming what is wrong
   */
  static JsonBodySummary messagesBody(byte[] body) throws RejectedRequestException {
    JsonBodySummary summary;
    try {
      summary = JsonBodyScanner.scan(body);
    } catch (RuntimeException e) {
      throw invalid("The request body is not valid JSON: " + shorten(e.getMessage()));
    }
    if (summary == null) {
      throw invalid("The request body must be a JSON object");
    }
    if (summary.model() == null || summary.model().isBlank()) {
      throw invalid("model: a non-empty string is required");
    }
    if (!summary.messagesArray()) {
      throw invalid("messages: an array of messages is required");
    }
    return summary;
  }

  /** Reads a JSON object body leniently, for recording other paths; returns null if it is not one. */
  static JsonBodySummary optionalObject(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JsonBodyScanner.scan(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static RejectedRequestException tooLarge(long maxBytes) {
    return new RejectedRequestException(413, "request_too_large",
        "The request body is larger than " + maxBytes + " bytes (MAX_REQUEST_SIZE)");
  }

  private static RejectedRequestException invalid(String message) {
    return new RejectedRequestException(400, "invalid_request_error", message);
  }

  private static String shorten(String message) {
    if (message == null) {
      return "unreadable input";
    }
    return message.length() > 200 ? message.substring(0, 200) + "..." : message;
  }
}
