package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import static dev.claudenexus.dashboard.pages.request.Bodies.message;
import static dev.claudenexus.dashboard.pages.request.Bodies.request;
import static dev.claudenexus.dashboard.pages.request.Bodies.response;
import static dev.claudenexus.dashboard.pages.request.Bodies.text;
import static dev.claudenexus.dashboard.pages.request.Bodies.toolResult;
import static dev.claudenexus.dashboard.pages.request.Bodies.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class SparkRecommendationTest {

  private static final JsonValue INPUT = JSON.createObjectBuilder().add("request", "x").build();

  private static String result(String sessionId, String response) {
    return JSON.createObjectBuilder().add("session_id", sessionId).add("request", "How to page?")
        .add("response", response).add("feedback", "None").add("error_message", "None").build().toString();
  }

  private static MessageBlock resultBlock(String toolName, String content) {
    String body = request(null,
        message("assistant", toolUse("toolu_s", toolName, INPUT)),
        message("user", toolResult("toolu_s", content, false)));
    return MessageCardReader.read(body, response(text("ok"))).messages().get(1).blocks().get(0);
  }

  @Test
  void sparkResultBecomesCard() {
    MessageBlock block = resultBlock(SparkRecommendation.TOOL_NAME, result("sess-1", "Use keysets"));

    assertThat(block).isInstanceOf(MessageBlock.Spark.class);
    MessageBlock.Spark spark = (MessageBlock.Spark) block;
    assertThat(spark.sessionId()).isEqualTo("sess-1");
    assertThat(spark.request().text()).isEqualTo("How to page?");
    assertThat(spark.response().text()).isEqualTo("Use keysets");
    assertThat(spark.error()).isNull();
  }

  @Test
  void otherToolStaysToolResult() {
    assertThat(resultBlock("Read", result("sess-1", "x"))).isInstanceOf(MessageBlock.ToolResult.class);
  }

  @Test
  void unparsableResultStaysToolResult() {
    for (String content : new String[] {"not json", "{\"response\":\"no session\"}",
        result("../evil", "x"), "{\"session_id\":\"s\"}", "[1,2]"}) {
      assertThat(resultBlock(SparkRecommendation.TOOL_NAME, content)).as(content)
          .isInstanceOf(MessageBlock.ToolResult.class);
    }
  }

  @Test
  void sparkErrorIsKept() {
    String content = JSON.createObjectBuilder().add("session_id", "s2").add("response", "")
        .add("error_message", "quota reached").build().toString();

    MessageBlock.Spark spark = (MessageBlock.Spark) resultBlock(SparkRecommendation.TOOL_NAME, content);

    assertThat(spark.error()).isEqualTo("quota reached");
  }
}
