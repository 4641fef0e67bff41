package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.AnthropicError;
import dev.claudenexus.proxy.recording.JsonResponseReader;
import dev.claudenexus.proxy.recording.Outcome;
import dev.claudenexus.proxy.recording.RecordedResponse;
import dev.claudenexus.proxy.recording.SseEventObserver;
import dev.claudenexus.proxy.recording.StreamRecorder;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one upstream response to the client: status and headers first, then the body as bytes as
 * they arrive, while the recorder reads a copy. An event stream is flushed before each read that
 * would wait for more of it. It never re-serialises the body and never adds events, except one
 * {@code event: error} when the upstream stream ends or stalls before {@code message_stop}.
 */
final class ResponseRelay {

  private static final Logger LOG = Logger.getLogger(ResponseRelay.class.getName());
  private static final int MAX_RECORDED_JSON_BYTES = 64 * 1024 * 1024;
  private static final int CLIENT_CLOSED_STATUS = 499;

  private final InboundRequest inbound;
  private final UpstreamExchange exchange;
  private final HttpServletResponse response;
  private final boolean keepChunks;
  private final SseEventObserver eventObserver;
  private final byte[] scratch = new byte[16 * 1024];
  private Integer firstByteMs;

  /**
   * Creates the relay of one response.
   *
   * @param eventObserver receives every streamed event as the recorder parses it, or null
   */
  ResponseRelay(InboundRequest inbound, UpstreamExchange exchange, HttpServletResponse response,
      boolean keepChunks, SseEventObserver eventObserver) {
    this.inbound = inbound;
    this.exchange = exchange;
    this.response = response;
    this.keepChunks = keepChunks;
    this.eventObserver = eventObserver;
  }

  RelayResult relay() {
    Map<String, List<String>> headers = exchange.headers();
    int status = exchange.status();
    String contentType = exchange.header("content-type");
    boolean stream = contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    String encoding = exchange.header("content-encoding");
    boolean compressed = encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity");
    writeHead(status, headers, stream, compressed);

    BodyCopy copy = stream && !compressed
        ? new StreamCopy(keepChunks, eventObserver) : new BufferedCopy(compressed);
    RecordedResponse recorded = copyBody(copy, stream, status);
    if (recorded.outcome() == Outcome.CLIENT_CANCELLED) {
      return new RelayResult(CLIENT_CLOSED_STATUS, headers, recorded, firstByteMs);
    }
    if (stream && endsEarly(recorded)) {
      appendErrorEvent(recorded);
    }
    return new RelayResult(status, headers, recorded, firstByteMs);
  }

  /** Relays the body and returns the recorder's result, marked when the client or upstream failed. */
  private RecordedResponse copyBody(BodyCopy copy, boolean stream, int status) {
    // Closing a body that was not read to its end aborts the upstream call.
    try (UpstreamBody body = exchange.body()) {
      pump(body, copy, stream);
    } catch (ClientGoneException e) {
      return copy.finish(CLIENT_CLOSED_STATUS)
          .withOutcome(Outcome.CLIENT_CANCELLED, "the client disconnected");
    } catch (UpstreamBody.IdleTimeoutException e) {
      return copy.finish(status).withOutcome(Outcome.TIMEOUT, e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.INFO, "Request {0}: the upstream body failed: {1}",
          new Object[] {inbound.requestId(), e.toString()});
    }
    return copy.finish(status);
  }

  private void writeHead(int status, Map<String, List<String>> headers, boolean stream,
      boolean compressed) {
    response.setStatus(status);
    Set<String> connectionTokens =
        HeaderRules.connectionTokens(headers.getOrDefault("connection", List.of()));
    headers.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HeaderRules.returnToClient(lower, connectionTokens)) {
        values.forEach(value -> response.addHeader(name, value));
      }
    });
    response.setHeader("X-Nexus-Request-Id", inbound.requestId().toString());
    if (stream) {
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
    } else if (exchange.bufferedBody() != null) {
      response.setContentLength(exchange.bufferedBody().length);
    } else {
      contentLength(headers).ifPresent(response::setContentLengthLong);
    }
  }

  private static OptionalLong contentLength(Map<String, List<String>> headers) {
    List<String> values = headers.get("content-length");
    if (values == null || values.size() != 1) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(values.get(0).strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private void pump(UpstreamBody body, BodyCopy copy, boolean stream) throws IOException {
    ServletOutputStream out = clientStream();
    if (exchange.bufferedBody() != null) {
      byte[] buffered = exchange.bufferedBody();
      firstByteMs = (int) inbound.elapsedMillis();
      write(out, buffered, buffered.length);
      copy.accept(buffered, buffered.length);
      flush(out);
      return;
    }
    if (stream) {
      // A read that would wait for the upstream first flushes what was written, so events that
      // arrived together leave in one write and none waits for the network.
      UpstreamConnectionFactory.flushBeforeWaits(() -> flush(out));
      try {
        copyAll(body, copy, out);
      } finally {
        UpstreamConnectionFactory.stopFlushingBeforeWaits();
      }
    } else {
      copyAll(body, copy, out);
    }
    flush(out);
  }

  private void copyAll(UpstreamBody body, BodyCopy copy, ServletOutputStream out) throws IOException {
    int length;
    while ((length = body.read(scratch)) >= 0) {
      if (length == 0) {
        continue;
      }
      if (firstByteMs == null) {
        firstByteMs = (int) inbound.elapsedMillis();
      }
      write(out, scratch, length);
      copy.accept(scratch, length);
    }
  }

  private boolean endsEarly(RecordedResponse recorded) {
    return recorded.outcome() == Outcome.INCOMPLETE || recorded.outcome() == Outcome.TIMEOUT;
  }

  private void appendErrorEvent(RecordedResponse recorded) {
    String type = recorded.outcome() == Outcome.TIMEOUT ? "timeout_error" : "api_error";
    String message = recorded.outcome() == Outcome.TIMEOUT
        ? "The Anthropic API stream stalled: " + recorded.incompleteReason()
        : "The Anthropic API stream ended before message_stop";
    String event = "\n\nevent: error\ndata: " + AnthropicError.body(type, message) + "\n\n";
    try {
      ServletOutputStream out = clientStream();
      byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
      write(out, bytes, bytes.length);
      flush(out);
    } catch (IOException e) {
      LOG.fine(() -> "Request " + inbound.requestId() + ": could not send the error event: " + e);
    }
  }

  private ServletOutputStream clientStream() throws ClientGoneException {
    try {
      return response.getOutputStream();
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  private static void write(ServletOutputStream out, byte[] bytes, int length)
      throws ClientGoneException {
    try {
      out.write(bytes, 0, length);
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  private static void flush(ServletOutputStream out) throws ClientGoneException {
    try {
      out.flush();
    } catch (IOException e) {
      throw new ClientGoneException(e);
    }
  }

  /** The client connection failed while the proxy wrote to it. */
  private static final class ClientGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGoneException(IOException cause) {
      super(cause);
    }
  }

  /** Destination of the recorder's copy of the body. */
  private interface BodyCopy {
    void accept(byte[] bytes, int length);

    RecordedResponse finish(int status);
  }

  private static final class StreamCopy implements BodyCopy {
    private final StreamRecorder recorder;

    StreamCopy(boolean keepChunks, SseEventObserver eventObserver) {
      recorder = new StreamRecorder(keepChunks);
      recorder.observeEvents(eventObserver);
    }

    @Override
    public void accept(byte[] bytes, int length) {
      recorder.accept(bytes, 0, length);
    }

    @Override
    public RecordedResponse finish(int status) {
      recorder.finish();
      return recorder.result();
    }
  }

  /** Keeps the body (compressed or not) and reads it when it is complete. */
  private static final class BufferedCopy implements BodyCopy {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final boolean compressed;
    private boolean truncated;

    BufferedCopy(boolean compressed) {
      this.compressed = compressed;
    }

    @Override
    public void accept(byte[] chunk, int length) {
      if (bytes.size() + length > MAX_RECORDED_JSON_BYTES) {
        truncated = true;
        return;
      }
      bytes.write(chunk, 0, length);
    }

    @Override
    public RecordedResponse finish(int status) {
      byte[] body = compressed ? Gzip.decompress(bytes.toByteArray()) : bytes.toByteArray();
      if (body.length > 0 && isEventStream(body)) {
        StreamRecorder recorder = new StreamRecorder(false);
        recorder.accept(body, 0, body.length);
        recorder.finish();
        return recorder.result();
      }
      RecordedResponse recorded = JsonResponseReader.read(truncated ? new byte[0] : body, status);
      return truncated ? recorded.withOutcome(Outcome.INCOMPLETE, "response body too large to record") : recorded;
    }

    private static boolean isEventStream(byte[] body) {
      String start = new String(body, 0, Math.min(body.length, 16), StandardCharsets.UTF_8);
      return start.startsWith("event:") || start.startsWith("data:");
    }
  }
}
