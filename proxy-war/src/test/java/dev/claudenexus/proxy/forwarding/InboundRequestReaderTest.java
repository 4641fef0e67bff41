package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundRequestReaderTest {

  private static final String VALID =
      "{'model':'claude-sonnet-4-5','max_tokens':16,'messages':[{'role':'user','content':'Hi'}]}";

  private static byte[] body(String singleQuotedJson) {
    return singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private static RejectedRequestException rejected(byte[] body) {
    RejectedRequestException error =
        assertThrows(RejectedRequestException.class, () -> InboundRequestReader.messagesBody(body));
    assertEquals(400, error.status());
    assertEquals("invalid_request_error", error.type());
    return error;
  }

  private static RejectedRequestException rejected(String singleQuotedJson) {
    return rejected(body(singleQuotedJson));
  }

  /**
   * Returns a request whose input stream hands out {@code sent} in reads of at most {@code chunk} bytes and
   * declares {@code declared} as its length (-1 for none).
   */
  private static HttpServletRequest request(byte[] sent, long declared, int chunk) {
    ByteArrayInputStream source = new ByteArrayInputStream(sent);
    ServletInputStream in = new ServletInputStream() {
      @Override
      public int read() throws IOException {
        return source.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return source.read(buffer, offset, Math.min(length, chunk));
      }

      @Override
      public boolean isFinished() {
        return source.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
    return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getContentLengthLong" -> declared;
          case "getInputStream" -> in;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static byte[] filled(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  @Test
  void bodyOfDeclaredLengthIsReadWhole() throws Exception {
    for (int length : new int[] {0, 1, 300, 51_200, InboundRequestReader.FIRST_READ_BYTES,
        InboundRequestReader.FIRST_READ_BYTES + 1, 200_000, 3 * 1024 * 1024}) {
      byte[] sent = filled(length);

      byte[] body = InboundRequestReader.body(request(sent, length, 7_000), 32L * 1024 * 1024);

      assertArrayEquals(sent, body, "length " + length);
    }
  }

  @Test
  void bodyWithoutDeclaredLengthIsReadWhole() throws Exception {
    byte[] sent = filled(200_000);

    assertArrayEquals(sent, InboundRequestReader.body(request(sent, -1, 5_000), 1_000_000));
  }

  @Test
  void bodyShorterThanDeclaredIsRejected() {
    for (int declared : new int[] {100, InboundRequestReader.FIRST_READ_BYTES + 10, 10 * 1024 * 1024}) {
      byte[] sent = filled(declared - 10);

      RejectedRequestException error = assertThrows(RejectedRequestException.class,
          () -> InboundRequestReader.body(request(sent, declared, 4_096), 32L * 1024 * 1024));

      assertEquals(400, error.status());
      assertEquals("The request body ended after " + (declared - 10) + " of " + declared + " bytes",
          error.getMessage());
    }
  }

  @Test
  void declaredLengthBeyondAnArrayIsRejected() {
    long declared = 3_000_000_000L;

    RejectedRequestException error = assertThrows(RejectedRequestException.class,
        () -> InboundRequestReader.body(request(filled(10), declared, 10), 4_000_000_000L));

    assertEquals(413, error.status());
    assertEquals("The request body is larger than " + InboundRequestReader.MAX_BODY_BYTES
        + " bytes (MAX_REQUEST_SIZE)", error.getMessage());
  }

  @Test
  void bodyLargerThanTheLimitIsRejected() {
    byte[] sent = filled(2_000);
    for (long declared : new long[] {2_000, -1}) {
      RejectedRequestException error = assertThrows(RejectedRequestException.class,
          () -> InboundRequestReader.body(request(sent, declared, 512), 1_999));

      assertEquals(413, error.status());
      assertEquals("request_too_large", error.type());
    }
  }

  private static String nested(int depth) {
    return "{'model':'m','messages':[],'x':" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  @Test
  void validBodyIsParsed() throws RejectedRequestException {
    JsonBodySummary summary = InboundRequestReader.messagesBody(body(VALID));

    assertEquals("claude-sonnet-4-5", summary.model());
    assertEquals(1, summary.messageCount());
  }

  @Test
  void emptyMessagesArrayIsAccepted() throws RejectedRequestException {
    assertTrue(InboundRequestReader.messagesBody(body("{'model':'m','messages':[]}")).messagesArray());
  }

  @Test
  void trailingWhitespaceIsAccepted() throws RejectedRequestException {
    assertEquals("m", InboundRequestReader.messagesBody(body("{'model':'m','messages':[]}\n \r\n")).model());
  }

  @Test
  void notJsonIsRejected() {
    assertTrue(rejected("model=claude").getMessage().startsWith("The request body is not valid JSON"));
  }

  @Test
  void malformedJsonIsRejected() {
    for (String text : List.of("{'model':'m',", "{'model' 'm'}", "{model:'m'}", "", "   ", "nul")) {
      assertTrue(rejected(text).getMessage().startsWith("The request body is not valid JSON"), text);
    }
  }

  @Test
  void textAfterObjectIsRejected() {
    for (String text : List.of("{'model':'m','messages':[]} x", "{'model':'m','messages':[]}{}",
        "{'model':'m','messages':[]}]")) {
      assertTrue(rejected(text).getMessage().startsWith("The request body is not valid JSON"), text);
    }
  }

  @Test
  void arrayIsRejected() {
    assertEquals("The request body must be a JSON object", rejected("[" + VALID + "]").getMessage());
  }

  @Test
  void scalarIsRejected() {
    for (String text : List.of("'text'", "42", "true", "null")) {
      assertEquals("The request body must be a JSON object", rejected(text).getMessage(), text);
    }
  }

  @Test
  void missingModelIsRejected() {
    assertEquals("model: a non-empty string is required", rejected("{'messages':[]}").getMessage());
  }

  @Test
  void emptyModelIsRejected() {
    for (String model : List.of("''", "'   '")) {
      assertEquals("model: a non-empty string is required",
          rejected("{'model':" + model + ",'messages':[]}").getMessage(), model);
    }
  }

  @Test
  void modelNotStringIsRejected() {
    for (String model : List.of("1", "null", "true", "['m']", "{'id':'m'}")) {
      assertEquals("model: a non-empty string is required",
          rejected("{'model':" + model + ",'messages':[]}").getMessage(), model);
    }
  }

  @Test
  void missingMessagesIsRejected() {
    assertEquals("messages: an array of messages is required", rejected("{'model':'m'}").getMessage());
  }

  @Test
  void messagesNotArrayIsRejected() {
    for (String messages : List.of("null", "'Hi'", "{}", "1")) {
      assertEquals("messages: an array of messages is required",
          rejected("{'model':'m','messages':" + messages + "}").getMessage(), messages);
    }
  }

  @Test
  void moderateNestingIsAccepted() throws RejectedRequestException {
    assertEquals("m", InboundRequestReader.messagesBody(body(nested(500))).model());
  }

  @Test
  void deepNestingIsRejected() {
    assertTrue(rejected(nested(100_000)).getMessage().startsWith("The request body is not valid JSON"));
  }

  @Test
  void deepObjectNestingIsRejected() {
    String text = "{'model':'m','messages':[],'x':" + "{'a':".repeat(100_000) + "1" + "}".repeat(100_000) + "}";

    rejected(text);
  }

  @Test
  void unclosedDeepNestingIsRejected() {
    rejected("[".repeat(100_000));
  }

  @Test
  void invalidTokenQuotedOnlyInPart() {
    String key = "sk_live_" + "k".repeat(40) + "secretend";
    String message = rejected("{'model': " + key + ", 'messages': []}").getMessage();

    assertTrue(message.contains("Unrecognized token"), message);
    assertTrue(message.contains("line 1, column"), message);
    assertTrue(!message.contains("secretend"), message);
    assertTrue(!message.contains("k".repeat(20)), message);
  }

  @Test
  void errorMessageIsShortened() {
    String message = rejected("{'model':'m','messages':[], 'x': " + "?".repeat(1000) + "}").getMessage();

    assertTrue(message.length() <= "The request body is not valid JSON: ".length() + 203, message);
  }

  @Test
  void optionalObjectParsesObject() {
    assertEquals("m", InboundRequestReader.optionalObject(body("{'model':'m'}")).model());
  }

  @Test
  void optionalObjectIgnoresOtherBodies() {
    for (String text : List.of("", "[1]", "not json", "42")) {
      assertNull(InboundRequestReader.optionalObject(body(text)), text);
    }
  }

  @Test
  void optionalObjectIgnoresDeepNesting() {
    assertNull(InboundRequestReader.optionalObject(body(nested(100_000))));
  }
}
