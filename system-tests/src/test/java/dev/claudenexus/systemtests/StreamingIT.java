package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.BodyWrite;
import dev.claudenexus.testsupport.anthropic.BodyWrites;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.anthropic.SseScripts;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class StreamingIT {

  private static final String MODEL = ProxyCalls.MODEL;

  private final NexusServer server;
  private final ProxyCalls calls;
  private final StoredRequests stored;

  StreamingIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
  }

  private HttpResponse<byte[]> stream(FakeReply reply) throws Exception {
    server.fake.enqueue(reply);
    HttpResponse<byte[]> response = calls.postBytes("/v1/messages", ProxyCalls.messagesBody(true, "hi"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    return response;
  }

  @Test
  void s0PassedThroughByteForByte() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(BodyWrites.perEvent(script, Duration.ZERO)));

    assertArrayEquals(script, response.body());
    assertEquals("no-cache", response.headers().firstValue("cache-control").orElse(""));
    assertEquals("no", response.headers().firstValue("x-accel-buffering").orElse(""));
    assertFalse(response.headers().firstValue("content-length").isPresent());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(10, ((Number) row.get("input_tokens")).intValue());
    assertEquals(5, ((Number) row.get("output_tokens")).intValue());
    assertEquals(Boolean.TRUE, row.get("response_streaming"));
    assertTrue(String.valueOf(row.get("response_body")).contains("Hello"));
    assertEquals(7, stored.chunks(ProxyCalls.requestId(response)).size());
  }

  @Test
  void oneBytePerWriteKeepsMultibyteText() throws Exception {
    String text = "\u4f60\u597d\ud83c\udf0d";
    byte[] script = (new String(SseScripts.s0(MODEL), StandardCharsets.UTF_8))
        .replace("\"text\":\"Hello\"", "\"text\":\"" + text + "\"")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(BodyWrites.bytewise(script, Duration.ZERO)));

    assertArrayEquals(script, response.body());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    String storedBody = String.valueOf(row.get("response_body"));
    assertTrue(storedBody.contains(text), storedBody);
    assertFalse(storedBody.contains("\ufffd"));
  }

  @Test
  void eventSplitInThreeWritesIsRecorded() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    String text = new String(script, StandardCharsets.UTF_8);
    int delta = text.indexOf("event: content_block_delta");
    List<BodyWrite> writes = BodyWrites.splitAt(script, Duration.ofMillis(20), delta + 90, delta + 101);
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(writes));

    assertArrayEquals(script, response.body());
    String storedBody = String.valueOf(stored.await(ProxyCalls.requestId(response)).get("response_body"));
    assertTrue(storedBody.replace(" ", "").contains("\"text\":\"Hello\""), storedBody);
  }

  @Test
  void firstEventArrivesBeforeUpstreamFinishes() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ZERO);
    CountDownLatch rest = new CountDownLatch(1);
    List<BodyWrite> writes = new ArrayList<>();
    writes.add(events.get(0));
    for (BodyWrite later : events.subList(1, events.size())) {
      writes.add(BodyWrite.afterLatch(rest, later.bytes()));
    }
    server.fake.enqueue(FakeReply.eventStream(writes));
    HttpRequest request = calls.request("/v1/messages")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(true, "hi"))).build();
    HttpResponse<InputStream> response = calls.send(request, HttpResponse.BodyHandlers.ofInputStream());

    try (InputStream body = response.body()) {
      byte[] first = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> body.readNBytes(events.get(0).length()));
      assertArrayEquals(events.get(0).bytes(), first);
      rest.countDown();
      body.readAllBytes();
    }
    server.fake.takeRequest(Duration.ofSeconds(10));
  }

  @Test
  void eventsSentTogetherArriveBeforeAPause() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ZERO);
    int together = 3;
    CountDownLatch rest = new CountDownLatch(1);
    List<BodyWrite> writes = new ArrayList<>(events.subList(0, together));
    for (BodyWrite later : events.subList(together, events.size())) {
      writes.add(BodyWrite.afterLatch(rest, later.bytes()));
    }
    int burstLength = events.subList(0, together).stream().mapToInt(BodyWrite::length).sum();
    server.fake.enqueue(FakeReply.eventStream(writes));
    HttpRequest request = calls.request("/v1/messages")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(true, "burst"))).build();
    HttpResponse<InputStream> response = calls.send(request, HttpResponse.BodyHandlers.ofInputStream());

    try (InputStream body = response.body()) {
      // Well within STREAM_IDLE_TIMEOUT_MS, after which a held event would leave with an error event.
      byte[] burst = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> body.readNBytes(burstLength));
      assertArrayEquals(java.util.Arrays.copyOf(script, burstLength), burst);
      rest.countDown();
      byte[] remainder = body.readAllBytes();
      assertArrayEquals(java.util.Arrays.copyOfRange(script, burstLength, script.length), remainder);
    }
    server.fake.takeRequest(Duration.ofSeconds(10));
  }

  @Test
  void errorEventAfterStartRecordedAsError() throws Exception {
    byte[] script = SseScripts.errorAfterStart(MODEL);
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(BodyWrites.perEvent(script, Duration.ZERO)));

    assertEquals(200, response.statusCode());
    assertArrayEquals(script, response.body());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals("error", row.get("outcome"));
    assertEquals("overloaded_error", row.get("error_type"));
    assertEquals(10, ((Number) row.get("input_tokens")).intValue());
    assertTrue(String.valueOf(row.get("response_body")).contains("Hel"));
  }

  @Test
  void streamCutBeforeMessageStopEndsWithError() throws Exception {
    byte[] script = SseScripts.toolUse(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ZERO);
    FakeReply cut = FakeReply.eventStream(events).toBuilder().cutAfter(8).build();
    HttpResponse<byte[]> response = stream(cut);

    String received = new String(response.body(), StandardCharsets.UTF_8);
    byte[] forwarded = BodyWrites.join(events.subList(0, 8));
    assertTrue(received.startsWith(new String(forwarded, StandardCharsets.UTF_8)));
    assertTrue(received.contains("event: error"), received);
    assertFalse(received.contains("event: message_stop"));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals("incomplete", row.get("outcome"));
    assertTrue(String.valueOf(row.get("error")).contains("message_stop"));
  }

  @Test
  void streamResetBeforeMessageStopIsIncomplete() throws Exception {
    // The reset comes 300 ms after the eighth event, so the proxy has read the response headers: a
    // reset that discards them would count as a connection failure and be retried.
    List<BodyWrite> events = new ArrayList<>(BodyWrites.perEvent(SseScripts.toolUse(MODEL), Duration.ZERO));
    events.set(8, new BodyWrite(events.get(8).bytes(), Duration.ofMillis(300)));
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(events).toBuilder().resetAfter(9).build());

    assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("event: error"));
    assertEquals("incomplete", stored.await(ProxyCalls.requestId(response)).get("outcome"));
  }

  @Test
  void gzipFromUpstreamIsRelayedAndRecorded() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    FakeReply gzip = FakeReply.eventStream(BodyWrites.perEvent(script, Duration.ZERO)).toBuilder().gzip().build();
    HttpResponse<byte[]> response = stream(gzip);

    assertEquals("gzip", response.headers().firstValue("content-encoding").orElse(""));
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      assertArrayEquals(script, in.readAllBytes());
    }
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(10, ((Number) row.get("input_tokens")).intValue());
    assertEquals(5, ((Number) row.get("output_tokens")).intValue());
  }

  @Test
  void unknownEventDoesNotStopRecording() throws Exception {
    String s0 = new String(SseScripts.s0(MODEL), StandardCharsets.UTF_8);
    String extra = SseScripts.event("something_new", "{\"type\":\"something_new\",\"x\":1}");
    byte[] script = s0.replace("event: message_delta", extra + "event: message_delta")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(BodyWrites.whole(script)));

    assertArrayEquals(script, response.body());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals("complete", row.get("outcome"));
    assertEquals(5, ((Number) row.get("output_tokens")).intValue());
  }

  @Test
  void stalledStreamTimesOutWithError() throws Exception {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> events = BodyWrites.perEvent(script, Duration.ZERO);
    List<BodyWrite> writes = new ArrayList<>(events.subList(0, 2));
    writes.add(new BodyWrite(events.get(2).bytes(), Duration.ofSeconds(8)));
    HttpResponse<byte[]> response = stream(FakeReply.eventStream(writes));

    String received = new String(response.body(), StandardCharsets.UTF_8);
    assertTrue(received.contains("timeout_error"), received);
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals("timeout", row.get("outcome"));
  }

}
