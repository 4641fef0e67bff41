package dev.claudenexus.testsupport.anthropic;

/** Body framing of a reply, which marks where the body ends (RFC 9112 section 6). */
public enum Framing {
  /** A {@code Content-Length} header with the total body size. */
  CONTENT_LENGTH,
  /** {@code Transfer-Encoding: chunked}, one chunk per write and a final zero-size chunk. */
  CHUNKED,
  /** No length at all, so the body ends when the fake closes the connection. */
  CLOSE_DELIMITED
}
