package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.recording.RecordedResponse;
import java.util.List;
import java.util.Map;

/**
 * Result of relaying a response to the client.
 *
 * @param status the status recorded: the upstream status, or 499 when the client disconnected
 * @param headers the upstream response headers, lower-case names
 * @param firstByteMs milliseconds from request start to the first upstream body byte, or null
 */
record RelayResult(
    int status, Map<String, List<String>> headers, RecordedResponse recorded, Integer firstByteMs) {}
