package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamingReplyTest {

  private static final String MODEL = "claude-sonnet-4-5";

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private FakeAnthropicApi api;

  @BeforeEach
  void startApi() {
    api = FakeAnthropicApi.start();
  }

  @AfterEach
  void closeApi() {
    api.close();
  }

  @Test
  void firstPieceArrivesBeforeLastIsSent() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ofMillis(5));
    CountDownLatch firstPieceSeen = new CountDownLatch(1);
    BodyWrite last = BodyWrite.afterLatch(firstPieceSeen, events.get(events.size() - 1).bytes());
    List<BodyWrite> writes = new ArrayList<>(events.subList(0, events.size() - 1));
    writes.add(last);
    api.enqueue(FakeReply.eventStream(writes));

    HttpResponse<InputStream> response = client.send(request(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      byte[] first = body.readNBytes(events.get(0).length());
      firstPieceSeen.countDown();
      byte[] rest = body.readAllBytes();

      assertArrayEquals(events.get(0).bytes(), first);
      assertArrayEquals(Arrays.copyOfRange(script, first.length, script.length), rest);
    }
  }

  @Test
  void gzipReplyDecompressesToScript() throws Exception {
    byte[] script = SseScripts.toolUse(MODEL);
    api.enqueue(FakeReply.eventStream(BodyWrites.pieces(script, 100, Duration.ZERO)).toBuilder().gzip().build());

    HttpResponse<byte[]> response = client.send(request(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals("gzip", response.headers().firstValue("content-encoding").orElse(""));
    try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertArrayEquals(script, unzipped.readAllBytes());
    }
  }

  @Test
  void gzipPieceDecodesOnArrival() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ZERO);
    CountDownLatch secondWriteGate = new CountDownLatch(1);
    api.enqueue(FakeReply.status(200)
        .stream(List.of(events.get(0), BodyWrite.afterLatch(secondWriteGate, events.get(1).bytes())))
        .gzip()
        .build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");
      raw.readHead();
      byte[] firstChunk = readChunk(raw);
      secondWriteGate.countDown();

      assertEquals(new String(events.get(0).bytes(), StandardCharsets.UTF_8), inflateGzipPrefix(firstChunk));
    }
  }

  @Test
  void cutAfterOmitsFinalChunk() throws Exception {
    api.enqueue(FakeReply.status(200)
        .stream(BodyWrites.splitAt("abcdef".getBytes(StandardCharsets.UTF_8), Duration.ZERO, 2, 4))
        .cutAfter(2)
        .build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");
      byte[] body = Chunks.afterHead(raw.readToEnd());

      assertEquals("2\r\nab\r\n2\r\ncd\r\n", new String(body, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void cutStreamFailsHttpClient() {
    api.enqueue(FakeReply.eventStream(BodyWrites.perEvent(SseScripts.s0(MODEL), Duration.ZERO)).toBuilder()
        .cutAfter(3)
        .build());

    assertThrows(IOException.class, () -> client.send(request(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void resetAfterResetsConnection() throws Exception {
    api.enqueue(FakeReply.status(200)
        .stream(BodyWrites.pieces(SseScripts.s0(MODEL), 64, Duration.ZERO))
        .resetAfter(1)
        .build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");

      SocketException reset = assertThrows(SocketException.class, raw::readToEnd);
      assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
    }
  }

  @Test
  void clientCloseMidStreamCountsAbort() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ofSeconds(60));
    api.enqueue(FakeReply.eventStream(events));

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{\"stream\":true}");
      raw.readHead();
      readChunk(raw);
    }
    List<ClientAbort> aborts = api.awaitAborts(1, Duration.ofSeconds(10));

    assertEquals(1, aborts.size());
    assertEquals(1, aborts.get(0).writesSent());
    assertEquals("/v1/messages", aborts.get(0).request().target());
  }

  @Test
  void completedStreamCountsNoAbort() throws Exception {
    client.send(request(), HttpResponse.BodyHandlers.ofString());
    client.send(request(), HttpResponse.BodyHandlers.ofString());

    assertEquals(List.of(), api.aborts());
  }

  @Test
  void closeDelimitedBodyEndsAtClose() throws Exception {
    api.enqueue(FakeReply.status(200).body("whole body").framing(Framing.CLOSE_DELIMITED).build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");
      byte[] response = raw.readToEnd();

      assertEquals("whole body", new String(Chunks.afterHead(response), StandardCharsets.UTF_8));
      assertFalse(new String(response, StandardCharsets.ISO_8859_1).contains("Content-Length"));
    }
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL + "\",\"stream\":true}"))
        .build();
  }

  /** Reads one chunk off a chunked body and returns its data. */
  private static byte[] readChunk(RawClient raw) throws IOException {
    StringBuilder sizeLine = new StringBuilder();
    for (byte b = raw.readExactly(1)[0]; b != '\r'; b = raw.readExactly(1)[0]) {
      sizeLine.append((char) b);
    }
    raw.readExactly(1);
    byte[] data = raw.readExactly(Integer.parseInt(sizeLine.toString(), 16));
    raw.readExactly(2);
    return data;
  }

  /** Inflates the deflate data after the fixed 10-byte gzip header that GZIPOutputStream writes. */
  private static String inflateGzipPrefix(byte[] gzip) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(gzip, 10, gzip.length - 10);
    byte[] out = new byte[4096];
    int n = inflater.inflate(out);
    inflater.end();
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
