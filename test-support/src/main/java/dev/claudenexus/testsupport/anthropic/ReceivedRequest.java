package dev.claudenexus.testsupport.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP request as the fake read it off the connection.
 *
 * @param sequence 1-based position of this request among all requests the server received
 * @param connectionId 1-based number of the TCP connection it arrived on, so tests can check reuse
 * @param method request method, for example {@code POST}
 * @param target request target as sent: the path plus any query string
 * @param version protocol version from the request line, for example {@code HTTP/1.1}
 * @param headers header fields in the order received
 * @param body body bytes after removing chunked framing, empty when the request had no body
 * @param trailers trailer fields of a chunked body, empty otherwise
 * @param receivedAt time the last byte of the request was read
 */
public record ReceivedRequest(
    int sequence,
    int connectionId,
    String method,
    String target,
    String version,
    HeaderFields headers,
    byte[] body,
    HeaderFields trailers,
    Instant receivedAt) {

  public ReceivedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(trailers, "trailers");
    Objects.requireNonNull(receivedAt, "receivedAt");
    body = body.clone();
  }

  /** Returns a copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  public int bodyLength() {
    return body.length;
  }

  /** Returns the body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns the target without its query string. */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** Returns the value of the first header field with this name, ignoring case, or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }

  @Override
  public String toString() {
    return "ReceivedRequest[#" + sequence + " on connection " + connectionId + ": " + method + " " + target
        + ", " + headers.size() + " headers, " + body.length + " body bytes]";
  }
}
