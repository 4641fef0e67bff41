package dev.claudenexus.proxy.recording;

/**
 * An event that the recorder kept raw because it could not fully interpret it.
 *
 * @param flag the reason
 * @param event the SSE event name, or null when the event had none
 * @param data the raw event data, or for {@link Flag#INPUT_NOT_PARSED} the raw tool input.
 *     It is cut to {@link EventFlags#MAX_DATA_CHARS} characters.
 * @param dataTruncated whether {@code data} was cut to that limit
 */
public record FlaggedEvent(Flag flag, String event, String data, boolean dataTruncated) {}
