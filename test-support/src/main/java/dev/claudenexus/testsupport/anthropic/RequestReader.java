package dev.claudenexus.testsupport.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Reads HTTP/1.1 requests off one connection: request line, header fields, and a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked} (RFC 9112).
 *
 * <p>When a request carries {@code Expect: 100-continue} and a body, the reader sends the interim
 * {@code 100 Continue} response before reading the body, as a server that accepts it must.
 */
final class RequestReader {

  static final int MAX_LINE_BYTES = 64 * 1024;
  static final int MAX_HEADER_FIELDS = 500;
  /** Twice the 32 MB request limit of the Messages API, so oversized-request tests still reach the fake. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final WireInput input;
  private final OutputStream output;
  private final int connectionId;
  private final IntSupplier sequence;

  RequestReader(WireInput input, OutputStream output, int connectionId, IntSupplier sequence) {
    this.input = input;
    this.output = output;
    this.connectionId = connectionId;
    this.sequence = sequence;
  }

  /** Reads the next request, or returns {@code null} when the client closed the connection between requests. */
  ReceivedRequest read() throws IOException {
    String requestLine = input.readLine(MAX_LINE_BYTES);
    while (requestLine != null && requestLine.isEmpty()) {
      // RFC 9112 section 2.2: a server should ignore empty lines received before the request line.
      requestLine = input.readLine(MAX_LINE_BYTES);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
      throw new MalformedRequestException(400, "Invalid request line: " + requestLine);
    }
    HeaderFields headers = readFields();
    List<HeaderField> trailers = new ArrayList<>();
    byte[] body = readBody(parts[2], headers, trailers);
    return new ReceivedRequest(sequence.getAsInt(), connectionId, parts[0], parts[1], parts[2], headers, body,
        new HeaderFields(trailers), Instant.now());
  }

  private HeaderFields readFields() throws IOException {
    List<HeaderField> fields = new ArrayList<>();
    readFieldsInto(fields);
    return new HeaderFields(fields);
  }

  private void readFieldsInto(List<HeaderField> fields) throws IOException {
    for (String line = requireLine(); !line.isEmpty(); line = requireLine()) {
      if (fields.size() == MAX_HEADER_FIELDS) {
        throw new MalformedRequestException(431, "More than " + MAX_HEADER_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(colon - 1))) {
        throw new MalformedRequestException(400, "Invalid header field line: " + line);
      }
      fields.add(new HeaderField(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
  }

  private byte[] readBody(String version, HeaderFields headers, List<HeaderField> trailers) throws IOException {
    boolean chunked = headers.contains("Transfer-Encoding");
    if (chunked && !lastCodingIsChunked(headers)) {
      throw new MalformedRequestException(400, "Transfer-Encoding must end with chunked: "
          + headers.all("Transfer-Encoding"));
    }
    long length = chunked ? -1 : contentLength(headers);
    if (chunked || length > 0) {
      sendContinueIfExpected(version, headers);
    }
    if (chunked) {
      return readChunkedBody(trailers);
    }
    return input.readExactly((int) length);
  }

  private void sendContinueIfExpected(String version, HeaderFields headers) throws IOException {
    if ("HTTP/1.1".equals(version) && headers.containsToken("Expect", "100-continue")) {
      output.write(CONTINUE);
      output.flush();
    }
  }

  private byte[] readChunkedBody(List<HeaderField> trailers) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      if (body.size() + (long) size > MAX_BODY_BYTES) {
        throw new MalformedRequestException(413, "Chunked body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      body.write(input.readExactly(size));
      if (!requireLine().isEmpty()) {
        throw new MalformedRequestException(400, "Chunk data is not followed by CRLF");
      }
    }
    readFieldsInto(trailers);
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = requireLine();
    int extension = line.indexOf(';');
    String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
    try {
      long size = Long.parseLong(hex, 16);
      if (size < 0 || size > MAX_BODY_BYTES) {
        throw new MalformedRequestException(413, "Chunk size exceeds " + MAX_BODY_BYTES + " bytes: " + hex);
      }
      return (int) size;
    } catch (NumberFormatException e) {
      throw new MalformedRequestException(400, "Invalid chunk size line: " + line);
    }
  }

  private static boolean lastCodingIsChunked(HeaderFields headers) {
    List<String> values = headers.all("Transfer-Encoding");
    String[] codings = values.get(values.size() - 1).split(",");
    return codings[codings.length - 1].strip().equalsIgnoreCase("chunked");
  }

  private static long contentLength(HeaderFields headers) throws MalformedRequestException {
    List<String> values = headers.all("Content-Length");
    if (values.isEmpty()) {
      return 0;
    }
    long length = parseLength(values.get(0));
    for (String value : values) {
      if (parseLength(value) != length) {
        throw new MalformedRequestException(400, "Conflicting Content-Length values: " + values);
      }
    }
    if (length > MAX_BODY_BYTES) {
      throw new MalformedRequestException(413, "Content-Length " + length + " exceeds " + MAX_BODY_BYTES + " bytes");
    }
    return length;
  }

  private static long parseLength(String value) throws MalformedRequestException {
    boolean digits = !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      throw new MalformedRequestException(400, "Invalid Content-Length: " + value);
    }
    return Long.parseLong(value);
  }

  private String requireLine() throws IOException {
    String line = input.readLine(MAX_LINE_BYTES);
    if (line == null) {
      throw new EOFException("Connection closed inside a request");
    }
    return line;
  }
}
