package dev.claudenexus.proxy.recording;

/**
 * Receives a copy of each event the recorder dispatches, such as for debug logging. An observer
 * that throws is logged by the recorder and never stops the recording.
 */
@FunctionalInterface
public interface SseEventObserver {

  /**
   * Receives one dispatched event.
   *
   * @param event the {@code event} field, or null when the event had none
   * @param data the data lines joined by LF
   */
  void onEvent(String event, String data);
}
