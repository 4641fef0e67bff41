package dev.claudenexus.api.spark;

import jakarta.json.JsonValue;

/**
 * Spark's response to one call.
 *
 * @param status Spark's HTTP status, or 502 when Spark could not be reached
 * @param body Spark's JSON body on success; on failure {@code {"error": ...}} with Spark's
 *     {@code detail} or {@code error} text, or a description of the failure
 */
public record SparkReply(int status, JsonValue body) {

  /** Returns whether Spark responded with a 2xx status. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
