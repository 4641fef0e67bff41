package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.testsupport.http.LoopbackServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Spark recommendation cards on the request page in a real browser: the results of
 * {@code mcp__spark__get_recommendation} become cards, existing feedback comes from one batch call
 * to the fake Spark API, and the rating form works with the session's CSRF token (and fails
 * without it).
 */
@ExtendWith(NexusServerExtension.class)
class SparkFeedbackBrowserIT {

  static final String RATED = "spark-session-rated";
  static final String OPEN = "spark-session-open";

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession();
  private static String requestId;
  private final NexusServer server;
  private final String dashboard;

  SparkFeedbackBrowserIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  private Browser browser() {
    return SESSION.browser();
  }

  @BeforeEach
  void prepare() throws Exception {
    synchronized (SparkFeedbackBrowserIT.class) {
      if (requestId == null) {
        requestId = storeRecommendations();
      }
    }
    server.spark.reset();
    server.spark.storeFeedback(RATED, 4, "Saved <b>time</b>");
    browser().driver.manage().deleteAllCookies();
    browser().logIn(dashboard, NexusServer.DASHBOARD_KEY);
    // Forget what the login page logged, so each test sees only its own page's messages.
    browser().consoleMessages();
  }

  /** Sends a request whose messages hold two Spark tool calls and their results. */
  private String storeRecommendations() throws Exception {
    String body = Json.createObjectBuilder()
        .add("model", ProxyCalls.MODEL).add("max_tokens", 64)
        .add("system", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("type", "text").add("text", "You are Claude Code."))
            .add(Json.createObjectBuilder().add("type", "text").add("text", "Be brief.")))
        .add("messages", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("role", "user").add("content", "How do I page a table?"))
            .add(Json.createObjectBuilder().add("role", "assistant").add("content", Json.createArrayBuilder()
                .add(toolUse("toolu_spark_1")).add(toolUse("toolu_spark_2"))))
            .add(Json.createObjectBuilder().add("role", "user").add("content", Json.createArrayBuilder()
                .add(toolResult("toolu_spark_1", RATED, "Use keyset pagination."))
                .add(toolResult("toolu_spark_2", OPEN, "Add an index on <created_at>.")))))
        .build().toString();
    HttpResponse<String> response = new ProxyCalls(server).post("/v1/messages", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = ProxyCalls.requestId(response);
    new StoredRequests(server).await(id);
    return id;
  }

  private static JsonObject toolUse(String id) {
    return Json.createObjectBuilder().add("type", "tool_use").add("id", id)
        .add("name", "mcp__spark__get_recommendation")
        .add("input", Json.createObjectBuilder().add("request", Json.createObjectBuilder()
            .add("query", "paging"))).build();
  }

  private static JsonObject toolResult(String id, String session, String response) {
    String text = Json.createObjectBuilder().add("session_id", session).add("request", "paging")
        .add("response", "# Recommendation\n" + response).add("feedback", "None").build().toString();
    return Json.createObjectBuilder().add("type", "tool_result").add("tool_use_id", id)
        .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("type", "text").add("text", text))).build();
  }

  private long batchCalls() {
    return server.spark.received().stream()
        .filter(request -> request.rawPath().equals("/feedback/batch")).count();
  }

  private WebElement card(String session) {
    return browser().await(By.id("spark-" + session));
  }

  @Test
  void cardsShowRecommendationsAndFeedback() {
    browser().open(dashboard + "/dashboard/request/" + requestId);

    WebElement rated = card(RATED);
    WebElement open = card(OPEN);
    assertThat(rated.findElement(By.className("nexus-spark-response")).getText()).contains("keyset pagination");
    assertThat(rated.findElement(By.className("nexus-spark-stars")).getText()).isEqualTo("★★★★☆");
    assertThat(rated.findElement(By.className("nexus-spark-comments")).getText()).isEqualTo("Saved <b>time</b>");
    assertThat(rated.findElements(By.tagName("form"))).isEmpty();
    assertThat(open.findElement(By.className("nexus-spark-response")).getText()).contains("<created_at>");
    assertThat(open.findElements(By.tagName("form"))).hasSize(1);
    assertThat(batchCalls()).isEqualTo(1);
    assertThat(browser().consoleMessages()).isEmpty();
  }

  @Test
  void formSendsFeedbackWithCsrfToken() {
    browser().open(dashboard + "/dashboard/request/" + requestId);
    WebElement form = card(OPEN).findElement(By.tagName("form"));
    form.findElement(By.cssSelector("input[name=rating][value='5']")).click();
    form.findElement(By.tagName("textarea")).sendKeys("Exactly what I needed");
    form.findElement(By.className("nexus-spark-submit")).click();

    assertThat(browser().await(By.id("spark-notice")).getText()).contains("Thank you");
    JsonObject sent = server.spark.feedbackOf(OPEN);
    assertThat(sent).as("feedback received by Spark").isNotNull();
    JsonObject overall = sent.getJsonObject("recommendation_feedback").getJsonObject("overall_feedback");
    assertThat(overall.getInt("rating")).isEqualTo(5);
    assertThat(overall.getString("comments")).isEqualTo("Exactly what I needed");
    assertThat(card(OPEN).findElement(By.className("nexus-spark-stars")).getText()).isEqualTo("★★★★★");
    assertThat(browser().path()).isEqualTo("/dashboard/request/" + requestId);
  }

  @Test
  void formWithoutTokenIsRejected() {
    browser().open(dashboard + "/dashboard/request/" + requestId);
    WebElement form = card(OPEN).findElement(By.tagName("form"));
    ((JavascriptExecutor) browser().driver).executeScript(
        "arguments[0].querySelector('input[name=_csrf]').value = 'forged';", form);
    form.findElement(By.cssSelector("input[name=rating][value='1']")).click();
    form.findElement(By.tagName("textarea")).sendKeys("Forged");
    form.findElement(By.className("nexus-spark-submit")).click();

    browser().await(By.tagName("body"));
    assertThat(browser().driver.getPageSource()).contains("Invalid CSRF token");
    assertThat(server.spark.received()).noneMatch(request -> request.rawPath().equals("/send_feedback"));
  }

  @Test
  void sparkErrorShowsNotice() {
    browser().open(dashboard + "/dashboard/request/" + requestId);
    WebElement form = card(OPEN).findElement(By.tagName("form"));
    server.spark.failWith(503);
    form.findElement(By.cssSelector("input[name=rating][value='2']")).click();
    form.findElement(By.tagName("textarea")).sendKeys("Too slow");
    form.findElement(By.className("nexus-spark-submit")).click();

    assertThat(browser().await(By.id("spark-notice")).getText()).contains("not sent");
    assertThat(card(OPEN).getText()).contains("could not be read");
    server.spark.failWith(0);
  }

  @Test
  void readOnlyPageHasNoForm(ReadOnlyServices readOnly) {
    browser().driver.manage().deleteAllCookies();
    browser().open(readOnly.dashboardUrl() + "/dashboard/request/" + requestId);

    assertThat(card(OPEN).getText()).contains("Feedback needs SPARK_API_KEY");
    assertThat(card(OPEN).findElements(By.tagName("form"))).isEmpty();
    long received = server.spark.received().stream().map(LoopbackServer.Request::rawPath).count();
    assertThat(received).isZero();
  }
}
