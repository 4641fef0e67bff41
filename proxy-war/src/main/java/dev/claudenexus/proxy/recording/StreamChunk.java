package dev.claudenexus.proxy.recording;

import java.time.OffsetDateTime;

/**
 * One dispatched server-sent event, kept only when the recorder was asked to keep chunks.
 *
 * @param index the position of the event in the stream, from 0
 * @param receivedAt when the blank line that ends the event was read
 * @param event the SSE event name, or null when the event had none
 * @param data the raw event data, with multiple data lines joined by LF
 */
public record StreamChunk(int index, OffsetDateTime receivedAt, String event, String data) {}
