package dev.claudenexus.proxy.recording;

/** Final state of a recorded response. */
public enum Outcome {
  /** The stream reached {@code message_stop}, or a non-streaming response had a 2xx status. */
  COMPLETE,
  /** The stream ended before {@code message_stop} without an {@code error} event. */
  INCOMPLETE,
  /** The API reported an error, as an {@code error} event or as a non-2xx response. */
  ERROR,
  /** The client disconnected. Set by the forwarding layer, never by the recorder. */
  CLIENT_CANCELLED,
  /** The upstream request timed out. Set by the forwarding layer, never by the recorder. */
  TIMEOUT
}
