package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.masking.SecretMasker;
import dev.claudenexus.proxy.recording.SseEventObserver;
import dev.claudenexus.storage.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code DEBUG=true} log: each request and response at INFO, each streamed event at FINE, all
 * with keys and tokens masked. Bodies are cut after {@link #MAX_BODY_CHARS} characters.
 */
final class DebugLog {

  static final int MAX_BODY_CHARS = 16 * 1024;

  private static final Logger LOG = Logger.getLogger(DebugLog.class.getName());

  private DebugLog() {}

  /** Lets this logger pass FINE records, so that stream events reach handlers that accept them. */
  static void enableEventLevel() {
    if (!LOG.isLoggable(Level.FINE)) {
      LOG.setLevel(Level.FINE);
    }
  }

  static void logRequest(InboundRequest in) {
    LOG.info(() -> "Request " + in.requestId() + ": " + in.method() + " " + in.target()
        + " domain=" + in.domain() + " headers=" + SecretMasker.maskHeaders(in.headers())
        + " body=" + body(in.body()));
  }

  static void logResponse(RequestRecord record) {
    LOG.info(() -> "Response " + record.requestId() + ": status=" + record.responseStatus()
        + " outcome=" + record.outcome() + " durationMs=" + record.durationMs()
        + " headers=" + SecretMasker.mask(record.responseHeaders())
        + " body=" + text(record.responseBody() != null ? record.responseBody() : record.error()));
  }

  /** Returns an observer that logs each streamed event of the request at FINE, or null when FINE is off. */
  static SseEventObserver eventObserver(InboundRequest in) {
    if (!LOG.isLoggable(Level.FINE)) {
      return null;
    }
    return (event, data) -> LOG.fine(() -> "Request " + in.requestId() + " event " + event + ": "
        + text(data));
  }

  private static String body(byte[] body) {
    if (body.length == 0) {
      return "(empty)";
    }
    if (body.length <= MAX_BODY_CHARS) {
      return text(new String(body, StandardCharsets.UTF_8));
    }
    // Decoding only the logged prefix keeps a 30 MB body from being copied into a string.
    String prefix = new String(Arrays.copyOf(body, MAX_BODY_CHARS), StandardCharsets.UTF_8);
    return SecretMasker.mask(prefix) + "... (" + body.length + " bytes in all)";
  }

  private static String text(String text) {
    if (text == null) {
      return "(none)";
    }
    String shown = text.length() > MAX_BODY_CHARS
        ? text.substring(0, MAX_BODY_CHARS) + "... (" + text.length() + " characters in all)" : text;
    return SecretMasker.mask(shown);
  }
}
