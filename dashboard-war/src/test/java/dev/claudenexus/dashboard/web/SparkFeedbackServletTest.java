package dev.claudenexus.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.spark.FeedbackValidator;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class SparkFeedbackServletTest {

  @Test
  void formFieldsBecomeFeedback() {
    JsonObject feedback = SparkFeedbackServlet.feedbackOf("sess-1", " 4 ", " Useful ");

    assertThat(FeedbackValidator.feedback(feedback)).isEmpty();
    assertThat(feedback.getJsonObject("feedback").getJsonObject("recommendation_feedback")
        .getJsonObject("overall_feedback").toString()).isEqualTo("{\"rating\":4,\"comments\":\"Useful\"}");
  }

  @Test
  void literalNullCommentIsKept() {
    assertThat(SparkFeedbackServlet.feedbackOf("sess-1", "3", "null")).isNotNull();
  }

  @Test
  void missingOrMalformedFieldsAreRejected() {
    assertThat(SparkFeedbackServlet.feedbackOf(null, "3", "x")).isNull();
    assertThat(SparkFeedbackServlet.feedbackOf("s", null, "x")).isNull();
    assertThat(SparkFeedbackServlet.feedbackOf("s", "three", "x")).isNull();
    assertThat(SparkFeedbackServlet.feedbackOf("s", "3", "  ")).isNull();
    assertThat(FeedbackValidator.feedback(SparkFeedbackServlet.feedbackOf("s", "9", "x"))).isNotEmpty();
    assertThat(FeedbackValidator.feedback(SparkFeedbackServlet.feedbackOf("../x", "3", "x"))).isNotEmpty();
  }
}
