/**
 * Loopback fake of the Anthropic Messages API that speaks raw HTTP/1.1 over {@link java.net.Socket}s,
 * so integration tests and benchmarks control every byte, delay and close on the connection.
 */
package dev.claudenexus.testsupport.anthropic;
