/**
 * Masking of API keys and bearer tokens before text leaves the request path: in Slack messages,
 * telemetry, test samples and debug logs. Every such output passes through {@link
 * dev.claudenexus.proxy.masking.SecretMasker}, so one set of patterns decides what counts as a secret.
 */
package dev.claudenexus.proxy.masking;
