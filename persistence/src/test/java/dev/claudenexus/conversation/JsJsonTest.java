package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import static dev.claudenexus.conversation.AcceptanceData.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code JSON.stringify} output of values parsed by Parsson; expected texts come from Node.js 20. */
class JsJsonTest {

  private static String stringify(String json, KeyOrder order) {
    return JsJson.stringify(parse("{\"v\": " + json + "}").get("v"), order);
  }

  @Test
  void arrayIndexKeysFirst() {
    String json = "{\"x\": 1, \"10\": 2, \"2\": 3, \"01\": 4, \"4294967295\": 5, \"4294967294\": 6}";

    assertEquals("{\"2\":3,\"10\":2,\"4294967294\":6,\"x\":1,\"01\":4,\"4294967295\":5}",
        stringify(json, KeyOrder.JAVASCRIPT));
  }

  /** Parsson keeps a repeated key at its first position with its last value, as JSON.parse does. */
  @Test
  void duplicateKeyKeepsFirstPosition() {
    assertEquals("{\"a\":3,\"b\":2}", stringify("{\"a\": 1, \"b\": 2, \"a\": 3}", KeyOrder.JAVASCRIPT));
  }

  @Test
  void sortedOrderUsesCodeUnits() {
    String json = "{\"b\": 1, \"a\": {\"\\u00e9\": 1, \"z\": 2, \"10\": 3, \"9\": 4}, \"B\": 5}";

    assertEquals("{\"B\":5,\"a\":{\"10\":3,\"9\":4,\"z\":2,\"\u00e9\":1},\"b\":1}", stringify(json, KeyOrder.SORTED));
  }

  @Test
  void numbersPrintedAsJavaScript() {
    assertEquals("[1,0,1e+21,1e-7,123456789012345680000,null,null,0.5]",
        stringify("[1.0, -0, 1e21, 1e-7, 123456789012345678901, 2e308, -2e308, 5E-1]", KeyOrder.JAVASCRIPT));
  }

  @Test
  void escapesControlCharactersOnly() {
    String json = "\"q\\\" b\\\\ /\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0080\\u2028\\u00e9\"";

    assertEquals("\"q\\\" b\\\\ /\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u0080\u2028\u00e9\"",
        stringify(json, KeyOrder.JAVASCRIPT));
  }

  @Test
  void loneSurrogatesEscaped() {
    String json = "[\"x\\ud800y\", \"\\udfff\", \"\\ud83d\\ude00\", \"\\ude00\\ud83d\"]";

    String expected = "[\"x\\ud800y\",\"\\udfff\",\"\ud83d\ude00\",\"\\ude00\\ud83d\"]";

    assertEquals(expected, stringify(json, KeyOrder.JAVASCRIPT));
  }

  @Test
  void emptyContainersAndLiterals() {
    assertEquals("{\"a\":[],\"b\":{},\"c\":[null,true,false]}",
        stringify("{\"a\": [], \"b\": {}, \"c\": [null, true, false]}", KeyOrder.JAVASCRIPT));
    assertEquals("\"text\"", JsJson.stringify(JSON.createValue("text"), KeyOrder.JAVASCRIPT));
  }
}
