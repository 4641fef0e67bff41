/**
 * Prometheus metrics of both wars, served at {@code /api/metrics} under the access rules of the
 * other API reads. {@link dev.claudenexus.api.metrics.NexusMetrics} contains the registry of a war;
 * every label takes its values from a bounded set (configured domains and accounts, known model
 * names, endpoint templates, fixed states), so no client can make the number of series grow.
 */
package dev.claudenexus.api.metrics;
