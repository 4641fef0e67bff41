package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property checks over random inputs from fixed seeds, so that every failure names a seed that
 * reproduces it. Each loop has a fixed number of cases.
 */
class RandomizedStreamTest {

  private static final int CASES = 500;

  /** A stream with text, tool input, thinking, non-ASCII text and an unknown event. */
  private static final String RICH = Sse.event("message_start", Sse.MESSAGE_START)
      + Sse.event("content_block_start",
          Sse.blockStart(0, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}"))
      + Sse.event("content_block_delta",
          Sse.delta(0, "{\"type\":\"thinking_delta\",\"thinking\":\"Ünïcode 🌍 思考\"}"))
      + Sse.event("content_block_delta",
          Sse.delta(0, "{\"type\":\"signature_delta\",\"signature\":\"c2ln\"}"))
      + Sse.event("content_block_stop", Sse.blockStop(0))
      + ": comment line\n"
      + Sse.event("content_block_start", Sse.textBlockStart(1))
      + Sse.event("content_block_delta", Sse.textDelta(1, "你好, "))
      + Sse.event("ping", "{\"type\":\"ping\"}")
      + Sse.event("content_block_delta", Sse.textDelta(1, "world 🌍\n"))
      + Sse.event("content_block_stop", Sse.blockStop(1))
      + Sse.event("content_block_start", Sse.blockStart(2,
          "{\"type\":\"tool_use\",\"id\":\"toolu_r\",\"name\":\"Edit\",\"input\":{}}"))
      + Sse.event("content_block_delta", Sse.inputJsonDelta(2, "{\"file\": \"é.txt\", "))
      + Sse.event("content_block_delta", Sse.inputJsonDelta(2, "\"lines\": [1, 2]}"))
      + Sse.event("content_block_stop", Sse.blockStop(2))
      + Sse.event("something_new", "{\"type\":\"something_new\"}")
      + Sse.event("message_delta", Sse.messageDelta("tool_use", "{\"output_tokens\":42}"))
      + Sse.messageStop();

  /** Bytes that matter to the parsers, drawn more often than others in random input. */
  private static final byte[] INTERESTING = Sse.utf8("\n\r:data event{}\"[],0123456789"
      + "message_start content_block_delta index text_delta input_json_delta error é🌍");

  private static List<byte[]> splitAt(byte[] bytes, TreeSet<Integer> cuts) {
    List<byte[]> reads = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      reads.add(Arrays.copyOfRange(bytes, from, cut));
      from = cut;
    }
    reads.add(Arrays.copyOfRange(bytes, from, bytes.length));
    return reads;
  }

  private static void assertSplitsGiveSameRecord(String stream, long seed) {
    byte[] bytes = Sse.utf8(stream);
    RecordedResponse whole = Sse.record(stream);
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      TreeSet<Integer> cuts = new TreeSet<>();
      int cutCount = 1 + random.nextInt(12);
      for (int c = 0; c < cutCount; c++) {
        cuts.add(random.nextInt(bytes.length + 1));
      }
      assertEquals(whole, Sse.record(splitAt(bytes, cuts)), "seed " + seed + " cuts " + cuts);
    }
  }

  @Test
  void randomSplitsGiveSameRecord() {
    assertSplitsGiveSameRecord(RICH, 1L);
  }

  @Test
  void randomSplitsOfCrlfStream() {
    assertSplitsGiveSameRecord(RICH.replace("\n", "\r\n"), 2L);
  }

  @Test
  void richStreamIsRecordedFully() {
    RecordedResponse response = Sse.record(RICH);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals("你好, world 🌍\n", Sse.text(response));
    assertEquals(new ToolCall("toolu_r", "Edit", "{\"file\":\"é.txt\",\"lines\":[1,2]}", true),
        response.toolCalls().get(0));
    assertEquals(1, response.unknownEventCount());
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(3L);
    for (int i = 0; i < CASES * 4; i++) {
      byte[] garbage = new byte[random.nextInt(2048)];
      for (int b = 0; b < garbage.length; b++) {
        garbage[b] = random.nextBoolean()
            ? INTERESTING[random.nextInt(INTERESTING.length)]
            : (byte) random.nextInt(256);
      }
      assertRecordsWithoutThrowing(garbage, random, "random bytes case " + i);
    }
  }

  @Test
  void mutatedStreamsNeverThrow() {
    byte[] valid = Sse.utf8(RICH);
    Random random = new Random(4L);
    for (int i = 0; i < CASES * 2; i++) {
      byte[] mutated = valid.clone();
      int mutations = 1 + random.nextInt(20);
      for (int m = 0; m < mutations; m++) {
        int position = random.nextInt(mutated.length);
        mutated[position] = random.nextBoolean()
            ? INTERESTING[random.nextInt(INTERESTING.length)]
            : (byte) random.nextInt(256);
      }
      int length = random.nextInt(mutated.length + 1);
      assertRecordsWithoutThrowing(
          Arrays.copyOf(mutated, length), random, "mutation case " + i);
    }
  }

  private static void assertRecordsWithoutThrowing(byte[] input, Random random, String label) {
    StreamRecorder recorder = new StreamRecorder(random.nextBoolean(), 1 + random.nextInt(512));
    assertDoesNotThrow(() -> {
      int offset = 0;
      while (offset < input.length) {
        int size = Math.min(input.length - offset, 1 + random.nextInt(64));
        recorder.accept(input, offset, size);
        offset += size;
      }
      recorder.finish();
    }, label);
    RecordedResponse response = assertDoesNotThrow(recorder::result, label);
    assertNotNull(response.outcome(), label);
    assertFalse(Sse.flags(response).contains(Flag.RECORDER_FAILURE), label);
  }
}
