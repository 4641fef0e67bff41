/**
 * Forwarding of every {@code /v1/*} call to the Anthropic API: the request body as received, the
 * client's {@code anthropic-*} headers with the domain's credentials swapped in, and the response
 * streamed back byte for byte while a recorder reads a copy. Retries happen only before the first
 * byte reaches the client.
 */
package dev.claudenexus.proxy.forwarding;
