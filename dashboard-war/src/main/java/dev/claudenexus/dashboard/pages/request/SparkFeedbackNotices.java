package dev.claudenexus.dashboard.pages.request;

import java.util.Map;

/**
 * The notices the request page shows after its Spark feedback form was sent, by the {@code spark}
 * parameter that {@code /dashboard/spark-feedback} sets. Only these fixed texts are shown, so the
 * parameter cannot put text on the page.
 */
public final class SparkFeedbackNotices {

  /** The outcomes the feedback servlet may name. */
  public static final Map<String, String> NOTICES = Map.of(
      "sent", "Thank you: the feedback was sent to Spark.",
      "invalid", "The feedback was not sent: choose a rating from 1 to 5 and write a comment.",
      "failed", "The feedback was not sent: Spark did not accept it. Try again later.",
      "not-configured", "The feedback was not sent: SPARK_API_KEY is not set.");

  private SparkFeedbackNotices() {}

  /** Returns the notice of an outcome, or {@code null} for anything else. */
  static String of(String outcome) {
    return outcome == null ? null : NOTICES.get(outcome);
  }
}
