package dev.claudenexus.proxy.forwarding;

import java.net.http.HttpResponse;

/**
 * The upstream response chosen after retries.
 *
 * @param bufferedBody the body when it was already read to decide on a retry (an error reply of the
 *     last attempt), else {@code null} and the body is read from {@code response.body()}
 */
record UpstreamExchange(HttpResponse<UpstreamBody> response, int attempts, byte[] bufferedBody) {}
