package dev.claudenexus.testsupport.anthropic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scripted HTTP reply of the fake: status line, header fields, body writes, and how the connection ends.
 *
 * <p>Header fields are written exactly as given, duplicates included. The fake adds
 * {@code Content-Length}, {@code Transfer-Encoding: chunked} or {@code Content-Encoding: gzip} only
 * when the script has no field of that name, so a test can also send wrong framing on purpose.
 * Instances are immutable and may be enqueued or used as the default any number of times.
 */
public final class FakeReply {

  /** Close mode of a reply that stops after some writes. */
  enum Close { NONE, FIN, RST }

  private static final int MAX_PRODUCER_DEPTH = 8;

  private final Function<ReceivedRequest, FakeReply> producer;
  private final int status;
  private final String reason;
  private final List<HeaderField> headers;
  private final List<BodyWrite> writes;
  private final Framing framing;
  private final boolean gzip;
  private final Close close;
  private final int closeAfterWrites;
  private final Duration headerDelay;

  private FakeReply(Function<ReceivedRequest, FakeReply> producer) {
    this.producer = producer;
    this.status = 0;
    this.reason = "";
    this.headers = List.of();
    this.writes = List.of();
    this.framing = Framing.CONTENT_LENGTH;
    this.gzip = false;
    this.close = Close.NONE;
    this.closeAfterWrites = 0;
    this.headerDelay = Duration.ZERO;
  }

  FakeReply(FakeReplyBuilder builder) {
    this.producer = null;
    this.status = builder.status;
    this.reason = builder.reason != null ? builder.reason : ReasonPhrases.of(builder.status);
    this.headers = List.copyOf(builder.headers);
    this.writes = List.copyOf(builder.writes);
    this.framing = builder.framing;
    this.gzip = builder.gzip;
    this.close = builder.close;
    this.closeAfterWrites = builder.closeAfterWrites;
    this.headerDelay = builder.headerDelay;
  }

  /** Starts a reply with this status code and its standard reason phrase. */
  public static FakeReplyBuilder status(int status) {
    return new FakeReplyBuilder(status);
  }

  /** Creates a reply that the function builds from each request. The function may return another {@code from} reply. */
  public static FakeReply from(Function<ReceivedRequest, FakeReply> producer) {
    return new FakeReply(Objects.requireNonNull(producer, "producer"));
  }

  /** Creates a reply with a JSON body, {@code content-type: application/json} and a {@code Content-Length}. */
  public static FakeReply json(int status, String json) {
    return status(status).header("content-type", "application/json").body(json).build();
  }

  /** Creates a 200 event-stream reply that sends these writes as chunks. */
  public static FakeReply eventStream(List<BodyWrite> writes) {
    return status(200).header("content-type", "text/event-stream; charset=utf-8").stream(writes).build();
  }

  /** Creates a 200 event-stream reply that sends the whole script as one chunk. */
  public static FakeReply eventStream(byte[] script) {
    return eventStream(List.of(BodyWrite.of(script)));
  }

  /** Returns a builder with this reply's settings, to derive a variant. {@link #from} replies have none and throw. */
  public FakeReplyBuilder toBuilder() {
    if (producer != null) {
      throw new IllegalStateException("A reply made by FakeReply.from has no fixed settings to copy");
    }
    FakeReplyBuilder builder = new FakeReplyBuilder(status).reason(reason).stream(writes).framing(framing);
    headers.forEach(field -> builder.header(field.name(), field.value()));
    builder.gzip = gzip;
    builder.close = close;
    builder.closeAfterWrites = closeAfterWrites;
    builder.headerDelay = headerDelay;
    return builder;
  }

  /** Returns the fixed reply for this request, calling {@link #from} functions as needed. */
  FakeReply resolve(ReceivedRequest request) {
    FakeReply reply = this;
    for (int depth = 0; reply.producer != null; depth++) {
      if (depth == MAX_PRODUCER_DEPTH) {
        throw new IllegalStateException("FakeReply.from functions nest deeper than " + MAX_PRODUCER_DEPTH);
      }
      reply = Objects.requireNonNull(reply.producer.apply(request), "FakeReply.from function returned null");
    }
    return reply;
  }

  int statusCode() {
    return status;
  }

  String reason() {
    return reason;
  }

  List<HeaderField> headers() {
    return headers;
  }

  List<BodyWrite> writes() {
    return writes;
  }

  Framing framing() {
    return framing;
  }

  boolean gzip() {
    return gzip;
  }

  Close close() {
    return close;
  }

  int closeAfterWrites() {
    return closeAfterWrites;
  }

  Duration headerDelay() {
    return headerDelay;
  }

  @Override
  public String toString() {
    if (producer != null) {
      return "FakeReply[from function]";
    }
    return "FakeReply[" + status + " " + reason + ", " + headers.size() + " headers, " + writes.size()
        + " writes, " + framing + (gzip ? ", gzip" : "") + (close == Close.NONE ? "" : ", " + close
        + " after " + closeAfterWrites) + "]";
  }
}
