package dev.claudenexus.testsupport.webhook;

import java.util.List;
import java.util.Map;

/**
 * One request the receiver read.
 *
 * @param path the request path, without the query string
 * @param headers lower-case header names to their values
 * @param body the body decoded as UTF-8
 */
public record ReceivedPost(String method, String path, Map<String, List<String>> headers, String body) {}
