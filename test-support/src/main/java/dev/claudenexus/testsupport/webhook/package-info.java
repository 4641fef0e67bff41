/**
 * A loopback HTTP receiver for webhooks and telemetry in tests: it records every request and can be
 * set to hang, so tests can show that a slow receiver does not slow the proxy.
 */
package dev.claudenexus.testsupport.webhook;
