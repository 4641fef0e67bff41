package dev.claudenexus.proxy.forwarding;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.classification.RequestClassifier;
import dev.claudenexus.classification.RequestType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyScannerTest {

  private static JsonBodySummary scan(String singleQuotedJson) {
    return JsonBodyScanner.scan(bytes(singleQuotedJson));
  }

  private static byte[] bytes(String singleQuotedJson) {
    return singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  /** Bodies on which the summary must agree with reading the parsed object tree. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{'model':'m','messages':[{'role':'user','content':'quota'}]}",
      "{'model':'m','messages':[{'content':' QuOtA\\n','role':'user'}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'quo'},{'text':'ta'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'image','text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':1,'text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':{'a':'quota'}}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[1,'quota',{'type':'text','text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':'quota'},{'role':'assistant','content':'x'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quota'},{'role':'user','content':'more'}]}",
      "{'model':'m','messages':[{'role':'user','content':'a','content':'quota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quota','role':'assistant'}]}",
      "{'model':'m','messages':[{'role':['user'],'content':'quota'}]}",
      "{'model':'m','messages':[{'role':'user','content':{'text':'quota'}}]}",
      "{'model':'m','messages':[{'role':'user','content':null}]}",
      "{'model':'m','messages':[{'role':'user','content':'\\u0051\\u0055ot\\u0061'}]}",
      "{'model':'m','messages':[{'role':'user','content':'\\t\\r\\n\\b\\f\\u0000\\u001f\\u0020 quota \\n'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quota\\u0021'}]}",
      "{'model':'m','messages':[{'role':'user','content':'qu ota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quot'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quotaa'}]}",
      "{'model':'m','messages':[{'role':'user','content':'\\\"quota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'quota\\\\'}]}",
      "{'model':'m','messages':[{'role':'user','content':'qu\\/ota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'\\u00a0quota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'qu\u00f6ta'}]}",
      "{'model':'m','messages':[{'role':'user','content':'\u2028quota'}]}",
      "{'model':'m','messages':[{'role':'user','content':'\\ud83d\\ude00'}]}",
      "{'model':'m','messages':[{'role':'user','content':''}]}",
      "{'model':'m','messages':[{'role':'user','content':'   '}]}",
      "{'model':'m','messages':[{'role':'user','content':[]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':' '},{'text':'quota'},{'text':''}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'quota'},{'text':'x'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'quota','type':'image'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'x','type':'text','text':'quota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'text':'quota','text':5}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'image'},{'text':'QUOTA'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'\\u0071uota'}]}]}",
      "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'quo\\nta'}]}]}",
      "{'model':'m','messages':[{'role':'user','content' : \n 'quota' }]}",
      " { 'model' : 'm' , 'messages' : [ { 'role' : 'user' , 'content' : [ { 'text' : 'quota' } ] } ] } ",
      "{'model':'m','messages':['quota',null,3,[{'role':'user'}],{'role':'user','content':'quota'}]}",
      "{'model':'m','system':'s','messages':[{'role':'system','content':'x'},{'role':'user','content':'hi'}]}",
      "{'model':'m','system':'','messages':[{'role':'system','content':'x'},{'role':'user','content':'hi'}]}",
      "{'model':'m','system':['a',{'type':'text','text':'b'}],'messages':[{'role':'user','content':'hi'}]}",
      "{'model':'m','system':[],'messages':[]}",
      "{'model':'m','system':{'a':['b','c']},'messages':[]}",
      "{'model':'m','system':['a','b'],'system':'one','messages':[]}",
      "{'model':'m','messages':[{'role':'user','content':'quota'}],'messages':[]}",
      "{'model':'m','stream':true,'messages':[],'tools':[{'name':'t','input_schema':{'type':'object'}}]}",
      "{'model':'m','stream':'true','messages':[]}",
      "{'model':'m','stream':[true],'messages':[]}",
      "{'model':'m','stream':true,'stream':false,'messages':[]}",
      "{'model':['m'],'messages':{'role':'user'}}",
      "{'model':'a','model':'b'}",
      "{}",
  })
  void summaryMatchesParsedTree(String body) {
    JsonObject tree = JSON.createReader(new StringReader(body.replace('\'', '"'))).readObject();

    JsonBodySummary summary = scan(body);

    assertEquals(tree.get("model") instanceof JsonString s ? s.getString() : null, summary.model());
    assertEquals(tree.getBoolean("stream", false), summary.stream());
    assertEquals(tree.get("messages") instanceof JsonArray, summary.messagesArray());
    assertEquals(tree.get("messages") instanceof JsonArray array ? array.size() : 0, summary.messageCount());
    RequestType fromTree = RequestClassifier.classify("POST", "/v1/messages", tree);
    RequestType fromSummary = RequestClassifier.classify("POST", "/v1/messages",
        summary.systemEntryCount(), summary.lastUserTextIsQuota());
    assertEquals(fromTree, fromSummary);
  }

  @Test
  void systemEntriesCounted() {
    JsonBodySummary summary = scan("{'system':['a','b',{'c':1}],'messages':[{'role':'system'},{'role':'user'}]}");

    assertEquals(4, summary.systemEntryCount());
  }

  @Test
  void quotaFlagFollowsLastUserMessage() {
    assertTrue(scan("{'messages':[{'role':'user','content':'quota'}]}").lastUserTextIsQuota());
    assertFalse(scan("{'messages':[{'role':'user','content':'quota'},{'role':'user','content':'x'}]}")
        .lastUserTextIsQuota());
  }

  @Test
  void nonObjectValueHasNoSummary() {
    for (String text : new String[] {"[1,{'a':2}]", "'text'", "42", "true", "null"}) {
      assertNull(scan(text), text);
    }
  }

  /**
   * The quota check reads texts from the body bytes, which needs the position of each string as the
   * scanner reaches it: a field name, then its value.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{'content':'x'}", "{ 'content' :\n\t 'x'}", "{'a':[1,{'b':'c'}],'content':'x'}",
      "{'\\u0063ontent':'x'}", "{'content':'\\u00e9'}", "{'\u00e9\u00e9':1,'content':'x'}",
      "\ufeff{'content':'x'}", "{'content':''}",
  })
  void stringPositionPointsAtItsQuote(String text) throws java.io.IOException {
    byte[] body = bytes(text);
    try (com.fasterxml.jackson.core.JsonParser parser = JsonBodyScanner.parser(body)) {
      parser.nextToken();
      String key;
      while ((key = parser.nextFieldName()) != null) {
        parser.nextToken();
        if (key.equals("content")) {
          JsonBodyScanner.TextRef ref = JsonBodyScanner.TextRef.of(parser, body);
          assertNull(ref.decoded(), "the string was decoded in " + text);
          assertEquals('"', body[ref.quote()]);
          return;
        }
        parser.skipChildren();
      }
    }
    throw new AssertionError("no content field in " + text);
  }

  @Test
  void bodyWithByteOrderMarkIsRead() {
    assertTrue(scan("\ufeff{'model':'m','messages':[{'role':'user','content':'quota'}]}")
        .lastUserTextIsQuota());
  }

  @Test
  void utf16BodyDecodesTexts() {
    // Jackson reads UTF-16 through a character reader, which reports no byte positions, so the
    // scanner decodes those texts instead.
    byte[] body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"quota\"}]}]}"
        .getBytes(StandardCharsets.UTF_16LE);

    JsonBodySummary summary = JsonBodyScanner.scan(body);

    assertEquals("m", summary.model());
    assertTrue(summary.lastUserTextIsQuota());
  }

  @Test
  void longTextsAreClassified() {
    String padding = "\\n".repeat(100_000);
    assertTrue(scan("{'messages':[{'role':'user','content':'" + padding + "quota" + padding + "'}]}")
        .lastUserTextIsQuota());
    assertFalse(scan("{'messages':[{'role':'user','content':'quota " + "x".repeat(100_000) + "'}]}")
        .lastUserTextIsQuota());
  }

  @Test
  void invalidUtf8InAMessageTextIsRejected() {
    for (String content : new String[] {"\u00ff", "ab\u00c3", "\u00e2\u0082"}) {
      byte[] head = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Summary "
          .getBytes(StandardCharsets.UTF_8);
      byte[] bad = content.getBytes(StandardCharsets.ISO_8859_1);
      byte[] tail = " more\"}]}".getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[head.length + bad.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(bad, 0, body, head.length, bad.length);
      System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);

      assertThrows(JsonBodyScanner.InvalidJsonException.class, () -> JsonBodyScanner.scan(body));
    }
  }

  @Test
  void invalidJsonAnywhereIsRejected() {
    for (String text : new String[] {
        "{'model':'m','tools':[{'a':1,}]}", "{'model':'m','x':[1 2]}", "{'model':'m'} {}",
        "[1,{'a':}]", "{'model':'m','system':['a',]}", "",
        "{'messages':[{'role':'user','content':'quota\\q'}]}",
        "{'messages':[{'role':'user','content':'\\u00zzquota'}]}",
        "{'messages':[{'role':'user','content':[{'text':'quota\u0001'}]}]}",
        "{'messages':[{'role':'user','content':'quota"}) {
      assertThrows(RuntimeException.class, () -> scan(text), text);
    }
  }

  @Test
  void deepNestingInSkippedValueIsRejected() {
    String text = "{'model':'m','x':" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertThrows(RuntimeException.class, () -> scan(text));
  }

  @Test
  void emptyObjectHasEmptySummary() {
    assertEquals(new JsonBodySummary(null, false, false, 0, 0, false), scan("{}"));
  }

  @Test
  void stringBeyondParserDefaultsIsAccepted() {
    // Jackson rejects strings over 20,000,000 characters by default, and a base64 image can be larger.
    String image = "A".repeat(21_000_000);
    byte[] body = ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
        + "\"source\":{\"data\":\"" + image + "\"}},{\"type\":\"text\",\"text\":\"" + image + "\"}]}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    JsonBodySummary summary = JsonBodyScanner.scan(body);

    assertEquals("m", summary.model());
    assertEquals(1, summary.messageCount());
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    byte[] body = "{\"model\":\"m\",\n\"x\":[1 2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    JsonBodyScanner.InvalidJsonException error =
        assertThrows(JsonBodyScanner.InvalidJsonException.class, () -> JsonBodyScanner.scan(body));

    assertTrue(error.getMessage().contains("line 2, column 8"), error.getMessage());
  }

  @Test
  void deepNestingErrorNamesTheLimit() {
    byte[] body = ("[".repeat(1001) + "]".repeat(1001)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    JsonBodyScanner.InvalidJsonException error =
        assertThrows(JsonBodyScanner.InvalidJsonException.class, () -> JsonBodyScanner.scan(body));

    assertTrue(error.getMessage().contains("1000 levels"), error.getMessage());
  }

  @Test
  void nestingAtTheLimitIsAccepted() {
    byte[] body = ("[".repeat(1000) + "]".repeat(1000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertNull(JsonBodyScanner.scan(body));
  }
}
