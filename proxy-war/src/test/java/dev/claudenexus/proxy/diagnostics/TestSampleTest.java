package dev.claudenexus.proxy.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.Completions;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.proxy.masking.SecretMasker;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSampleTest {

  private static JsonObject sample(Completions completions) {
    RequestCompleted completed = completions.build();
    return TestSample.of(completed, TestSample.requestJson(completed.record()));
  }

  @Test
  void headersWhitelistedAndCredentialsMasked() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-api-key", List.of("cnp_live_secret"));
    headers.put("authorization", List.of("Bearer secret"));
    headers.put("anthropic-version", List.of("2023-06-01"));
    headers.put("x-custom", List.of("dropped"));
    headers.put("cookie", List.of("session=1"));
    Completions completions = new Completions();
    completions.headers = SecretMasker.maskHeaders(headers);

    JsonObject kept = sample(completions).getJsonObject("headers");

    assertEquals("cnp_****", kept.getString("x-api-key"));
    assertEquals("Bearer ****", kept.getString("authorization"));
    assertEquals("2023-06-01", kept.getString("anthropic-version"));
    assertFalse(kept.containsKey("x-custom"));
    assertFalse(kept.containsKey("cookie"));
  }

  @Test
  void requestBodyScrubbed() {
    Completions completions = new Completions().userText("mail me at joe@example.com, key cnp_live_x");

    String body = sample(completions).getJsonObject("body").toString();

    assertTrue(body.contains("mail me at [EMAIL], key cnp_****"), body);
  }

  @Test
  void metadataDescribesRequest() {
    JsonObject metadata = sample(new Completions()).getJsonObject("metadata");

    assertEquals("inference", metadata.getString("requestType"));
    assertFalse(metadata.getBoolean("isStreaming"));
    assertFalse(metadata.getBoolean("hasTools"));
    assertEquals("claude-sonnet-4-5", metadata.getString("modelUsed"));
    assertEquals(1, metadata.getInt("messageCount"));
  }

  @Test
  void responseHasStatusBodyAndUsage() {
    Completions completions = new Completions();
    completions.responseBody = "{\"content\":[{\"type\":\"text\",\"text\":\"SSN 123-45-6789\"}]}";
    completions.responseHeaders = "{\"request-id\":\"req_1\"}";

    JsonObject response = sample(completions).getJsonObject("response");

    assertEquals(200, response.getInt("status"));
    assertEquals("req_1", response.getJsonObject("headers").getString("request-id"));
    assertTrue(response.getJsonObject("body").toString().contains("SSN [SSN]"));
    assertEquals(120, response.getJsonObject("metadata").getInt("inputTokens"));
    assertEquals(45, response.getJsonObject("metadata").getInt("outputTokens"));
    assertEquals(0, response.getJsonObject("metadata").getInt("toolCalls"));
  }

  @Test
  void nonJsonBodiesKeptAsScrubbedText() {
    Completions completions = new Completions();
    completions.requestBody = "not json sk-ant-api03-x";
    completions.responseBody = "upstream said a@b.io";

    JsonObject sample = sample(completions);

    assertEquals("not json sk-ant-****", sample.getString("body"));
    assertEquals("upstream said [EMAIL]", sample.getJsonObject("response").getString("body"));
  }

  @Test
  void queryParametersDecodedAndScrubbed() {
    Completions completions = new Completions();
    completions.query = "beta=true&note=a%40b.io&flag";

    JsonObject query = sample(completions).getJsonObject("queryParams");

    assertEquals("true", query.getString("beta"));
    assertEquals("[EMAIL]", query.getString("note"));
    assertEquals("", query.getString("flag"));
  }
}
