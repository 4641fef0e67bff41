package dev.claudenexus.testsupport.anthropic;

import java.time.Instant;

/**
 * A reply the client gave up on: it closed or reset the connection before the fake finished sending.
 *
 * @param request the request whose reply was cut short
 * @param writesSent body writes handed to the socket before the fake noticed, or 0 when the client left
 *     during {@code delayHeaders}. A write the kernel accepted may still not have reached the client.
 * @param noticedAt time the fake noticed the close or reset
 * @param cause what the fake saw, for example {@code client closed the connection} or {@code Connection reset}
 */
public record ClientAbort(ReceivedRequest request, int writesSent, Instant noticedAt, String cause) {
}
