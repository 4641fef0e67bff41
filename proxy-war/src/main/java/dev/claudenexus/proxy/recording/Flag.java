package dev.claudenexus.proxy.recording;

/** Reason why the recorder kept an event raw or could not fully interpret it. */
public enum Flag {
  /** The event data is not a JSON object, or lacks a member that its event type requires. */
  MALFORMED_EVENT,
  /** The event type is not one of the Messages streaming event types. */
  UNKNOWN_EVENT,
  /** A {@code content_block_start} carries a block type the recorder does not interpret. */
  UNKNOWN_BLOCK_TYPE,
  /** A {@code content_block_delta} carries a delta type the recorder does not interpret. */
  UNKNOWN_DELTA_TYPE,
  /** A delta or stop event names a content block index that no {@code content_block_start} opened. */
  UNKNOWN_BLOCK_INDEX,
  /** A tool input could not be parsed as a JSON object, or its block never stopped. */
  INPUT_NOT_PARSED,
  /** A line or the data of one event exceeded the size limit, so the event was dropped. */
  OVERSIZED_EVENT,
  /** The stream ended inside an event, before the blank line that dispatches it. */
  UNTERMINATED_EVENT,
  /** The recorder failed on an event because of a defect in the recorder itself. */
  RECORDER_FAILURE
}
