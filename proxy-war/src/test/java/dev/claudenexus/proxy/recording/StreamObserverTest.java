package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamObserverTest {

  private static RecordedResponse record(SseEventObserver observer) {
    StreamRecorder recorder = new StreamRecorder(false);
    recorder.observeEvents(observer);
    byte[] stream = Sse.utf8(Sse.S0);
    recorder.accept(stream, 0, stream.length);
    recorder.finish();
    return recorder.result();
  }

  @Test
  void observerReceivesEveryEvent() {
    List<String> events = new ArrayList<>();

    record((event, data) -> events.add(event));

    assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
        "content_block_stop", "message_delta", "message_stop"), events);
  }

  @Test
  void failingObserverKeepsRecording() {
    RecordedResponse response = record((event, data) -> {
      throw new IllegalStateException("expected by the test");
    });

    assertEquals(Sse.record(Sse.S0), response);
  }
}
