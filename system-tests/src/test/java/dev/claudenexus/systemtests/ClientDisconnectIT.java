package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.claudenexus.testsupport.anthropic.BodyWrite;
import dev.claudenexus.testsupport.anthropic.ClientAbort;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.anthropic.SseScripts;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class ClientDisconnectIT {

  private final NexusServer server;
  private final StoredRequests stored;

  ClientDisconnectIT(NexusServer server) {
    this.server = server;
    this.stored = new StoredRequests(server);
  }

  @Test
  void disconnectCancelsUpstreamAndRecords499() throws Exception {
    String model = ProxyCalls.MODEL;
    List<BodyWrite> writes = new ArrayList<>();
    writes.add(BodyWrite.of(new String(SseScripts.s0(model), StandardCharsets.UTF_8)
        .split("event: ping")[0]));
    for (int i = 0; i < 40; i++) {
      writes.add(new BodyWrite(SseScripts.event("content_block_delta",
          "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"more \"}}")
          .getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300)));
    }
    server.fake.enqueue(FakeReply.eventStream(writes));
    int abortsBefore = server.fake.aborts().size();
    String requestId;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
      byte[] body = ProxyCalls.messagesBody(true, "long answer").getBytes(StandardCharsets.UTF_8);
      String head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\n"
          + "x-api-key: " + server.clientKey + "\r\ncontent-type: application/json\r\n"
          + "content-length: " + body.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      requestId = readUntilDelta(socket.getInputStream());
    }
    server.fake.takeRequest(Duration.ofSeconds(10));
    List<ClientAbort> aborts = server.fake.awaitAborts(abortsBefore + 1, Duration.ofSeconds(5));
    Map<String, Object> row = stored.await(requestId);

    assertFalse(aborts.isEmpty());
    assertEquals(499, ((Number) row.get("response_status")).intValue());
    assertEquals("client_cancelled", row.get("outcome"));
    assertEquals(10, ((Number) row.get("input_tokens")).intValue());
  }

  /** Reads the response until the first text delta and returns the proxy's request id. */
  private static String readUntilDelta(InputStream in) throws Exception {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (!text.toString().contains("\"more \"")) {
      int read = in.read(buffer);
      if (read < 0) {
        throw new AssertionError("The stream ended before the first delta: " + text);
      }
      text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
    String marker = "x-nexus-request-id: ";
    int at = text.toString().toLowerCase(java.util.Locale.ROOT).indexOf(marker);
    return text.substring(at + marker.length(), text.indexOf("\r\n", at)).strip();
  }
}
