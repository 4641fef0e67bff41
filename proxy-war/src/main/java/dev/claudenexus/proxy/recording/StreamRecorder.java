package dev.claudenexus.proxy.recording;

import dev.claudenexus.usage.TokenUsage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records one streamed ({@code text/event-stream}) Messages API response from a copy of the bytes
 * the proxy forwards.
 *
 * <p>Call {@link #accept} for every read from upstream, split anywhere, then {@link #finish} at
 * end of stream, then {@link #result}. Malformed input never makes these methods throw: it is
 * flagged in the record. Memory is the reconstructed message, one line buffer of at most
 * {@code maxLineBytes}, one event's data of at most {@code maxLineBytes}, and a bounded list of
 * flagged events. When chunks are kept, every event's data is kept as well, without a limit.
 *
 * <p>Not thread-safe: one thread at a time must call it, as a single forwarding loop does.
 */
public final class StreamRecorder {

  /** Default limit of one line and of one event's data, in bytes: 8 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(StreamRecorder.class.getName());

  private final boolean keepChunks;
  private final Clock clock;
  private SseEventObserver observer;
  private final SseLineSplitter splitter;
  private final MessageAssembler assembler = new MessageAssembler();
  private final List<StreamChunk> chunks = new ArrayList<>();
  private int eventCount;
  private int failureCount;
  private boolean finished;
  private boolean stopped;
  private RecordedResponse result;

  /** Creates a recorder with the default line limit that keeps chunks when {@code keepChunks}. */
  public StreamRecorder(boolean keepChunks) {
    this(keepChunks, DEFAULT_MAX_LINE_BYTES, Clock.systemUTC());
  }

  /** Creates a recorder with the given line limit, see the three-argument constructor. */
  public StreamRecorder(boolean keepChunks, int maxLineBytes) {
    this(keepChunks, maxLineBytes, Clock.systemUTC());
  }

  /**
   * Creates a recorder.
   *
   * @param maxLineBytes limit of one line and of one event's data, in bytes. A longer event is
   *     dropped and flagged {@link Flag#OVERSIZED_EVENT}.
   * @param clock source of {@link StreamChunk#receivedAt()}
   * @throws IllegalArgumentException if {@code maxLineBytes} is not positive
   */
  public StreamRecorder(boolean keepChunks, int maxLineBytes, Clock clock) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException(
          "maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.keepChunks = keepChunks;
    this.clock = Objects.requireNonNull(clock, "clock");
    SseEventParser parser = new SseEventParser(maxLineBytes, new Dispatcher());
    this.splitter = new SseLineSplitter(maxLineBytes, parser);
  }

  /** Sets the observer that receives a copy of every dispatched event; null removes it. */
  public void observeEvents(SseEventObserver eventObserver) {
    this.observer = eventObserver;
  }

  /**
   * Reads {@code length} bytes of the stream from {@code buffer} at {@code offset}. Bytes after
   * {@link #finish} are ignored.
   *
   * @throws IndexOutOfBoundsException if the range lies outside {@code buffer}
   */
  public void accept(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (finished || stopped) {
      return;
    }
    try {
      splitter.accept(buffer, offset, length);
    } catch (RuntimeException e) {
      stopAfterFailure(e);
    }
  }

  /** Ends the stream, at upstream EOF or when it was cut. Calls after the first do nothing. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (stopped) {
      return;
    }
    try {
      splitter.finish();
    } catch (RuntimeException e) {
      stopAfterFailure(e);
    }
  }

  /**
   * Returns the record. After {@link #finish} it is built once and the same record is returned
   * on every call. Before it, each call builds a record of the events seen so far.
   */
  public RecordedResponse result() {
    if (result != null) {
      return result;
    }
    RecordedResponse built = build();
    if (finished) {
      result = built;
    }
    return built;
  }

  private RecordedResponse build() {
    try {
      return assembler.toResponse(chunks, stopped);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Building the stream record failed; returning an empty record", e);
      return new RecordedResponse(true, Outcome.INCOMPLETE, null, TokenUsage.NONE, null, null, 0,
          List.of(), null, null, MessageAssembler.RECORDER_STOPPED, 0, 0, List.of(), List.of());
    }
  }

  // Recording must never break forwarding, so a defect in the recorder is caught, logged and
  // flagged here instead of reaching the forwarding loop.
  private void stopAfterFailure(RuntimeException e) {
    stopped = true;
    logFailure("Stream recording failed; ignoring the rest of the stream", e);
    assembler.flag(Flag.RECORDER_FAILURE, null, null);
  }

  private void logFailure(String message, RuntimeException e) {
    failureCount++;
    Level level = failureCount == 1 ? Level.WARNING : Level.FINE;
    LOG.log(level, message + " (failure " + failureCount + " of this stream)", e);
  }

  /** Passes parsed events to the assembler and keeps them as chunks when asked to. */
  private final class Dispatcher implements SseListener {

    @Override
    public void onEvent(String event, String data) {
      if (keepChunks) {
        chunks.add(new StreamChunk(eventCount, OffsetDateTime.now(clock), event, data));
      }
      eventCount++;
      if (observer != null) {
        notifyObserver(event, data);
      }
      try {
        assembler.onEvent(event, data);
      } catch (RuntimeException e) {
        logFailure("Recording an event failed; keeping it raw and flagged", e);
        assembler.flag(Flag.RECORDER_FAILURE, event, data);
      }
    }

    private void notifyObserver(String event, String data) {
      try {
        observer.onEvent(event, data);
      } catch (RuntimeException e) {
        logFailure("The stream event observer failed", e);
      }
    }

    @Override
    public void onEventDropped(String event) {
      assembler.flag(Flag.OVERSIZED_EVENT, event, null);
    }

    @Override
    public void onUnterminatedEvent(String event, String data) {
      assembler.flag(Flag.UNTERMINATED_EVENT, event, data);
    }
  }
}
