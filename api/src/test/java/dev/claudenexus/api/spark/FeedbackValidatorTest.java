package dev.claudenexus.api.spark;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackValidatorTest {

  private static JsonValue json(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private static List<String> fields(List<FeedbackValidator.Problem> problems) {
    return problems.stream().map(FeedbackValidator.Problem::field).toList();
  }

  private static final String VALID = "{'session_id':'sess-1','feedback':{'recommendation_feedback':"
      + "{'overall_feedback':{'rating':4,'comments':'useful'},'section_feedbacks':[{'section_id':'s1',"
      + "'feedback':'ok'}]},'source_feedbacks':[{'source_url':'https://x','feedback':'good'}],"
      + "'lessons_learned':[{'situation':'a','action':'b','result':'c','learning':'d'}],"
      + "'integration_metrics':{'integration_time_seconds':12.5,'code_changes':"
      + "{'number_of_files_created':1},'number_of_actions':3}}}";

  @Test
  void completeFeedbackIsValid() {
    assertThat(FeedbackValidator.feedback(json(VALID))).isEmpty();
  }

  @Test
  void ratingOutOfRangeNamesField() {
    for (String rating : new String[] {"0", "6", "4.5", "'5'", "null"}) {
      String body = VALID.replace("'rating':4", "'rating':" + rating);
      assertThat(fields(FeedbackValidator.feedback(json(body)))).as(rating)
          .containsExactly("feedback.recommendation_feedback.overall_feedback.rating");
    }
  }

  @Test
  void missingPartsNameTheirFields() {
    assertThat(fields(FeedbackValidator.feedback(json("{'feedback':{}}"))))
        .containsExactly("session_id", "feedback.recommendation_feedback");
    assertThat(fields(FeedbackValidator.feedback(json("[1]")))).containsExactly("(body)");
    assertThat(fields(FeedbackValidator.feedback(json(
        "{'session_id':'s','feedback':{'recommendation_feedback':{'overall_feedback':{'rating':3}}}}"))))
        .containsExactly("feedback.recommendation_feedback.overall_feedback.comments");
  }

  @Test
  void hostileSessionIdIsRejected() {
    for (String id : new String[] {"../admin", "a b", "", "x".repeat(201), "id?x=1"}) {
      String body = VALID.replace("'sess-1'", "'" + id + "'");
      assertThat(fields(FeedbackValidator.feedback(json(body)))).as(id).containsExactly("session_id");
    }
  }

  @Test
  void oversizedTextIsRejected() {
    String body = VALID.replace("'useful'", "'" + "x".repeat(FeedbackValidator.MAX_TEXT + 1) + "'");

    assertThat(fields(FeedbackValidator.feedback(json(body))))
        .containsExactly("feedback.recommendation_feedback.overall_feedback.comments");
  }

  @Test
  void negativeMetricsAreRejected() {
    String body = VALID.replace("'number_of_files_created':1", "'number_of_files_created':-1");

    assertThat(fields(FeedbackValidator.feedback(json(body))))
        .containsExactly("feedback.integration_metrics.code_changes.number_of_files_created");
  }

  @Test
  void batchAcceptsUpToHundredIds() {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      ids.append(i == 0 ? "" : ",").append("'s").append(i).append("'");
    }
    assertThat(FeedbackValidator.batch(json("{'session_ids':[" + ids + "]}"))).isEmpty();
    assertThat(fields(FeedbackValidator.batch(json("{'session_ids':[" + ids + ",'one-more']}"))))
        .containsExactly("session_ids");
  }

  @Test
  void batchRejectsBadIds() {
    assertThat(fields(FeedbackValidator.batch(json("{'session_ids':['ok',3,'../x']}"))))
        .containsExactly("session_ids[1]", "session_ids[2]");
    assertThat(fields(FeedbackValidator.batch(json("{}")))).containsExactly("session_ids");
    assertThat(fields(FeedbackValidator.batch(json("{'session_ids':'s1'}")))).containsExactly("session_ids");
  }
}
