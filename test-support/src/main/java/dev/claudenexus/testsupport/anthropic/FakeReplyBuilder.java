package dev.claudenexus.testsupport.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builder of a {@link FakeReply}, started by {@link FakeReply#status(int)}.
 *
 * <p>Without a body the reply has {@code Content-Length: 0}. {@link #body(byte[])} selects
 * {@link Framing#CONTENT_LENGTH}, while {@link #stream(List)} and {@link #write(byte[], Duration)}
 * select {@link Framing#CHUNKED}. {@link #framing(Framing)} overrides either choice.
 */
public final class FakeReplyBuilder {

  final int status;
  String reason;
  final List<HeaderField> headers = new ArrayList<>();
  final List<BodyWrite> writes = new ArrayList<>();
  Framing framing = Framing.CONTENT_LENGTH;
  boolean gzip;
  FakeReply.Close close = FakeReply.Close.NONE;
  int closeAfterWrites;
  Duration headerDelay = Duration.ZERO;

  FakeReplyBuilder(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status must have three digits: " + status);
    }
    this.status = status;
  }

  /** Sets the reason phrase of the status line in place of the standard one. */
  public FakeReplyBuilder reason(String reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
    return this;
  }

  /**
   * Appends a header field, so calling it twice with one name sends the field twice.
   *
   * <p>Name and value are sent unchecked as ISO-8859-1, one byte per char up to U+00FF.
   */
  public FakeReplyBuilder header(String name, String value) {
    headers.add(new HeaderField(name, value));
    return this;
  }

  /** Sets the whole body, sent in one write with a {@code Content-Length}. */
  public FakeReplyBuilder body(byte[] body) {
    writes.clear();
    writes.add(BodyWrite.of(body));
    framing = Framing.CONTENT_LENGTH;
    return this;
  }

  /** Sets the whole body as UTF-8 text, sent in one write with a {@code Content-Length}. */
  public FakeReplyBuilder body(String body) {
    return body(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces the body with these writes, sent as chunks. */
  public FakeReplyBuilder stream(List<BodyWrite> bodyWrites) {
    writes.clear();
    writes.addAll(bodyWrites);
    framing = Framing.CHUNKED;
    return this;
  }

  /** Appends one write, sent as a chunk after waiting {@code delayBefore}. */
  public FakeReplyBuilder write(byte[] bytes, Duration delayBefore) {
    writes.add(new BodyWrite(bytes, delayBefore));
    framing = Framing.CHUNKED;
    return this;
  }

  /** Sets the body framing. Each write stays its own TCP write in every framing. */
  public FakeReplyBuilder framing(Framing bodyFraming) {
    this.framing = Objects.requireNonNull(bodyFraming, "bodyFraming");
    return this;
  }

  /**
   * Compresses the body with gzip and adds {@code Content-Encoding: gzip}.
   *
   * <p>Each write becomes the compressor output after a SYNC_FLUSH, so every piece can be
   * decompressed as soon as it arrives. The gzip trailer follows the last write as one extra write.
   */
  public FakeReplyBuilder gzip() {
    this.gzip = true;
    return this;
  }

  /** Closes the connection with a FIN after this many body writes, without the final chunk or gzip trailer. */
  public FakeReplyBuilder cutAfter(int bodyWrites) {
    return closeAfter(FakeReply.Close.FIN, bodyWrites);
  }

  /** Resets the connection (SO_LINGER 0, so the peer gets an RST) after this many body writes. */
  public FakeReplyBuilder resetAfter(int bodyWrites) {
    return closeAfter(FakeReply.Close.RST, bodyWrites);
  }

  /** Waits this long before sending the status line. The fake records an abort if the client gives up first. */
  public FakeReplyBuilder delayHeaders(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("Header delay must not be negative: " + delay);
    }
    this.headerDelay = delay;
    return this;
  }

  public FakeReply build() {
    if (close != FakeReply.Close.NONE && closeAfterWrites > writes.size()) {
      throw new IllegalStateException("Reply closes after " + closeAfterWrites + " writes but has only "
          + writes.size() + "; lower the count or add writes");
    }
    return new FakeReply(this);
  }

  private FakeReplyBuilder closeAfter(FakeReply.Close mode, int bodyWrites) {
    if (bodyWrites < 0) {
      throw new IllegalArgumentException("Write count must not be negative: " + bodyWrites);
    }
    if (close != FakeReply.Close.NONE && close != mode) {
      throw new IllegalStateException("A reply can use cutAfter or resetAfter, not both");
    }
    this.close = mode;
    this.closeAfterWrites = bodyWrites;
    return this;
  }
}
