package dev.claudenexus.classification;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestClassifierTest {

  private static JsonObject json(String text) {
    return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static RequestType classifyMessages(String body) {
    return RequestClassifier.classify("POST", "/v1/messages", json(body));
  }

  @ParameterizedTest(name = "user text \"{0}\" is quota")
  @ValueSource(strings = {"quota", "QUOTA", "Quota", "  quota\\n", "\\tQuOtA  "})
  void quotaTextCaseInsensitiveTrimmed(String text) {
    String body = "{'messages': [{'role': 'user', 'content': '" + text + "'}]}";

    assertEquals(RequestType.QUOTA, classifyMessages(body));
  }

  @Test
  void quotaInTextBlocks() {
    String body = "{'system': ['a', 'b'], 'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'Quota'}]}]}";

    assertEquals(RequestType.QUOTA, classifyMessages(body));
  }

  @Test
  void quotaDecidedByLastUserMessage() {
    String body = "{'messages': [{'role': 'user', 'content': 'quota'}, {'role': 'assistant', 'content': 'ok'},"
        + " {'role': 'user', 'content': 'and now?'}]}";

    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void assistantAfterQuotaStillQuota() {
    String body = "{'messages': [{'role': 'user', 'content': 'quota'}, {'role': 'assistant', 'content': 'x'}]}";

    assertEquals(RequestType.QUOTA, classifyMessages(body));
  }

  @Test
  void quotaWithinSentenceNotQuota() {
    String body = "{'messages': [{'role': 'user', 'content': 'what is my quota'}]}";

    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void systemReminderBlockJoinedToText() {
    String body = "{'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'quota'},"
        + " {'type': 'text', 'text': '<system-reminder>x</system-reminder>'}]}]}";

    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void nonTextBlocksIgnored() {
    String body = "{'messages': [{'role': 'user', 'content': [{'type': 'image', 'source': {}},"
        + " {'type': 'tool_result', 'content': 'quota'}, {'type': 'text', 'text': 'quota'}]}]}";

    assertEquals(RequestType.QUOTA, classifyMessages(body));
  }

  @Test
  void arraySystemOfTwoIsInference() {
    String body = "{'system': [{'type': 'text', 'text': 'a'}, {'type': 'text', 'text': 'b'}],"
        + " 'messages': [{'role': 'user', 'content': 'hi'}]}";

    assertEquals(RequestType.INFERENCE, classifyMessages(body));
  }

  @Test
  void arraySystemOfOneIsQueryEvaluation() {
    String body = "{'system': [{'type': 'text', 'text': 'a'}], 'messages': [{'role': 'user', 'content': 'hi'}]}";

    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void stringSystemPlusSystemMessageIsInference() {
    String body = "{'system': 'You are terse.', 'messages': [{'role': 'user', 'content': 'hi'},"
        + " {'role': 'system', 'content': 'environment'}]}";

    assertEquals(RequestType.INFERENCE, classifyMessages(body));
  }

  @Test
  void twoSystemMessagesAreInference() {
    String body = "{'messages': [{'role': 'system', 'content': 'a'}, {'role': 'system', 'content': 'b'},"
        + " {'role': 'user', 'content': 'hi'}]}";

    assertEquals(RequestType.INFERENCE, classifyMessages(body));
  }

  @Test
  void stringSystemAloneIsQueryEvaluation() {
    String body = "{'system': 'You are terse.', 'messages': [{'role': 'user', 'content': 'hi'}]}";

    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void emptySystemIsQueryEvaluation() {
    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages("{'system': '', 'messages': []}"));
    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages("{'system': [], 'messages': []}"));
    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages("{'messages': []}"));
  }

  @Test
  void countTokensPath() {
    assertEquals(RequestType.COUNT_TOKENS,
        RequestClassifier.classify("POST", "/v1/messages/count_tokens", json("{'system': ['a', 'b']}")));
  }

  @Test
  void countTokensQuotaBodyStillCountTokens() {
    JsonObject body = json("{'messages': [{'role': 'user', 'content': 'quota'}]}");

    assertEquals(RequestType.COUNT_TOKENS, RequestClassifier.classify("POST", "/v1/messages/count_tokens", body));
  }

  @Test
  void queryStringIgnored() {
    assertEquals(RequestType.INFERENCE,
        RequestClassifier.classify("POST", "/v1/messages?beta=true", json("{'system': ['a', 'b']}")));
  }

  @Test
  void lowerCaseMethodAccepted() {
    assertEquals(RequestType.QUERY_EVALUATION, RequestClassifier.classify("post", "/v1/messages", null));
  }

  @ParameterizedTest(name = "{0} {1} is other")
  @CsvSource({
    "GET, /v1/messages",
    "GET, /v1/messages/count_tokens",
    "POST, /v1/messages/batches",
    "POST, /v1/complete",
    "GET, /v1/models",
    "POST, /v1/messages/",
    "POST, /V1/MESSAGES",
    "POST, ''",
    "DELETE, /v1/messages"
  })
  void otherMethodOrPath(String method, String path) {
    JsonObject quota = json("{'messages': [{'role': 'user', 'content': 'quota'}]}");

    assertEquals(RequestType.OTHER, RequestClassifier.classify(method, path, quota));
  }

  @Test
  void nullMethodOrPathIsOther() {
    assertEquals(RequestType.OTHER, RequestClassifier.classify(null, "/v1/messages", null));
    assertEquals(RequestType.OTHER, RequestClassifier.classify("POST", null, null));
  }

  @Test
  void nullBodyIsQueryEvaluation() {
    assertEquals(RequestType.QUERY_EVALUATION, RequestClassifier.classify("POST", "/v1/messages", null));
  }

  @ParameterizedTest(name = "hostile body {0}")
  @ValueSource(strings = {
    "{}",
    "{'messages': null}",
    "{'messages': 'quota'}",
    "{'messages': {'role': 'user', 'content': 'quota'}}",
    "{'messages': [null, 1, 'x', [], true]}",
    "{'messages': [{'role': 7, 'content': 'quota'}]}",
    "{'messages': [{'role': 'user'}]}",
    "{'messages': [{'role': 'user', 'content': null}]}",
    "{'messages': [{'role': 'user', 'content': 42}]}",
    "{'messages': [{'role': 'user', 'content': {'text': 'quota'}}]}",
    "{'messages': [{'role': 'user', 'content': [null, 3, 'quota', {'type': 'text', 'text': 5}]}]}",
    "{'messages': [{'role': 'user', 'content': [{'type': 7, 'text': 'quota'}]}]}",
    "{'system': 12, 'messages': [{'role': ['system']}]}",
    "{'system': {'a': 1}, 'messages': [{'role': null}]}",
    "{'system': null}"
  })
  void hostileBodyIsQueryEvaluation(String body) {
    assertEquals(RequestType.QUERY_EVALUATION, classifyMessages(body));
  }

  @Test
  void databaseNames() {
    assertEquals("inference", RequestType.INFERENCE.databaseName());
    assertEquals("query_evaluation", RequestType.QUERY_EVALUATION.databaseName());
    assertEquals("quota", RequestType.QUOTA.databaseName());
    assertEquals("count_tokens", RequestType.COUNT_TOKENS.databaseName());
    assertEquals("other", RequestType.OTHER.databaseName());
  }

  @Test
  void databaseNameRoundTrips() {
    for (RequestType type : RequestType.values()) {
      assertEquals(type, RequestType.fromDatabaseName(type.databaseName()).orElseThrow());
    }
    assertEquals(java.util.Optional.empty(), RequestType.fromDatabaseName("INFERENCE"));
  }
}
