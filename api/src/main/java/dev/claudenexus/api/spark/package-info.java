/**
 * Spark recommendation feedback: {@code /api/spark/*} forwards feedback reads and writes to the Spark
 * API with the configured key, after checking the input, and relays Spark's answer with its status.
 * The dashboard's request page uses the same client for its recommendation cards.
 */
package dev.claudenexus.api.spark;
