package dev.claudenexus.proxy.recording;

/** Receiver of the events that {@link SseEventParser} dispatches. */
interface SseListener {

  /**
   * Receives one dispatched event.
   *
   * @param event the {@code event} field, or null when the event had none or an empty one
   * @param data the data lines joined by LF
   */
  void onEvent(String event, String data);

  /** Receives an event that was dropped because a line or its data exceeded the size limit. */
  void onEventDropped(String event);

  /**
   * Receives the fields of an event that the stream ended inside of. The event is not
   * dispatched, as the SSE specification requires.
   *
   * @param data the data read so far, or null when no data line was read
   */
  void onUnterminatedEvent(String event, String data);
}
