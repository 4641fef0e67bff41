/**
 * Diagnostics of finished requests, each optional and off the request thread: telemetry posted as
 * JSON to {@code TELEMETRY_ENDPOINT}, and request/response sample files for building test fixtures
 * ({@code COLLECT_TEST_SAMPLES}). Keys and tokens are masked in both; samples are also scrubbed of
 * e-mail addresses, card numbers and US social security numbers.
 */
package dev.claudenexus.proxy.diagnostics;
