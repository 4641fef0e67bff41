package dev.claudenexus.classification;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classifies requests that real clients sent. The recorded samples carry the original product's
 * classification in {@code metadata.requestType}. The captures carry none. They are Claude Code 2.1
 * requests (three system blocks plus one message with role {@code system}) and an Anthropic TypeScript
 * SDK 1.17 request with two system blocks, so all three are inference.
 */
class RecordedRequestsTest {

  private static JsonObject load(String resource) throws IOException {
    try (InputStream in = RecordedRequestsTest.class.getResourceAsStream("/classification/" + resource);
        JsonReader reader = JSON.createReader(in)) {
      return reader.readObject();
    }
  }

  private static RequestType classify(JsonObject request) {
    return RequestClassifier.classify(
        request.getString("method"), request.getString("path"), request.getJsonObject("body"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "quota_haiku.json",
    "query_evaluation_streaming_with_system_haiku.json",
    "inference_streaming_with_tools_with_system_opus.json"
  })
  void sampleMatchesRecordedType(String resource) throws IOException {
    JsonObject sample = load(resource);
    String recorded = sample.getJsonObject("metadata").getString("requestType");

    assertEquals(recorded, classify(sample).databaseName());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "captures/claude-code-2.1.332_say-hi_turn1.json, inference",
    "captures/claude-code-2.1.332_tool-loop_turn2.json, inference",
    "captures/anthropic-sdk-ts-1.17.0_stream.json, inference"
  })
  void captureClassifiedAsExpected(String resource, String expected) throws IOException {
    assertEquals(expected, classify(load(resource)).databaseName());
  }

  @ParameterizedTest(name = "{0} counted as {1} system entries")
  @CsvSource({
    "captures/claude-code-2.1.332_say-hi_turn1.json, 4",
    "captures/claude-code-2.1.332_tool-loop_turn2.json, 4",
    "captures/anthropic-sdk-ts-1.17.0_stream.json, 2",
    "inference_streaming_with_tools_with_system_opus.json, 2",
    "query_evaluation_streaming_with_system_haiku.json, 1",
    "quota_haiku.json, 0"
  })
  void systemEntriesCounted(String resource, int expected) throws IOException {
    assertEquals(expected, new MessagesBody(load(resource).getJsonObject("body")).systemEntryCount());
  }
}
