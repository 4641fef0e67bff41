/**
 * Delivery of side outputs (Slack messages, telemetry, test samples) off the request thread. Each
 * output has a bounded queue and a few worker threads, and drops work with a rate-limited warning
 * when its queue is full. Posts have a total time limit, so a slow or broken receiver never delays
 * or fails a request.
 */
package dev.claudenexus.proxy.outbound;
