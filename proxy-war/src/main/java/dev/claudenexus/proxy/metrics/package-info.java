/**
 * The proxy's own meters: forwarded requests, upstream latency, tokens and cost, the storage
 * writer and OAuth refreshes. Requests are recorded after their response has ended, from the
 * {@link dev.claudenexus.proxy.forwarding.RequestCompleted} event, and every label comes from a
 * bounded set: configured domains, their accounts and the price table's model names.
 */
package dev.claudenexus.proxy.metrics;
