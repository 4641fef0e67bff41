package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

  /** Listener that stores every call as one line of text. */
  private static final class Calls implements SseListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onEvent(String event, String data) {
      calls.add("event " + event + " [" + data + "]");
    }

    @Override
    public void onEventDropped(String event) {
      calls.add("dropped " + event);
    }

    @Override
    public void onUnterminatedEvent(String event, String data) {
      calls.add("unterminated " + event + " [" + data + "]");
    }
  }

  private static List<String> parse(String stream, int maxLineBytes) {
    Calls calls = new Calls();
    SseLineSplitter splitter =
        new SseLineSplitter(maxLineBytes, new SseEventParser(maxLineBytes, calls));
    byte[] bytes = Sse.utf8(stream);
    splitter.accept(bytes, 0, bytes.length);
    splitter.finish();
    return calls.calls;
  }

  private static List<String> parse(String stream) {
    return parse(stream, 1024);
  }

  @Test
  void commentLinesAreIgnored() {
    assertEquals(List.of("event e [x]"), parse(": keep-alive\nevent: e\n:note\ndata: x\n\n"));
  }

  @Test
  void spaceAfterColonIsOptional() {
    assertEquals(List.of("event e [x]"), parse("event:e\ndata:x\n\n"));
  }

  @Test
  void onlyOneLeadingSpaceIsRemoved() {
    assertEquals(List.of("event null [ x]"), parse("data:  x\n\n"));
  }

  @Test
  void dataLinesJoinWithLineFeed() {
    assertEquals(List.of("event null [a\n\nb]"), parse("data: a\ndata\ndata: b\n\n"));
  }

  @Test
  void eventWithoutDataIsNotDispatched() {
    assertEquals(List.of("event null [x]"), parse("event: lonely\n\ndata: x\n\n"));
  }

  @Test
  void emptyDataLineDispatchesEmptyData() {
    assertEquals(List.of("event e []"), parse("event: e\ndata:\n\n"));
  }

  @Test
  void idRetryAndUnknownFieldsAreIgnored() {
    assertEquals(List.of("event e [x]"), parse("id: 7\nretry: 10\nfoo: bar\nevent: e\ndata: x\n\n"));
  }

  @Test
  void colonInValueIsKept() {
    assertEquals(List.of("event null [a: b]"), parse("data: a: b\n\n"));
  }

  @Test
  void byteOrderMarkAtStartIsSkipped() {
    assertEquals(List.of("event e [x]"), parse("\uFEFFevent: e\ndata: x\n\n"));
  }

  @Test
  void mixedLineEndingsAllEndLines() {
    assertEquals(List.of("event a [1]", "event b [2]", "event c [3]"),
        parse("event: a\rdata: 1\r\revent: b\r\ndata: 2\r\n\r\nevent: c\ndata: 3\n\n"));
  }

  @Test
  void unterminatedEventIsReportedNotDispatched() {
    assertEquals(List.of("event a [1]", "unterminated b [par]"),
        parse("event: a\ndata: 1\n\nevent: b\ndata: par"));
  }

  @Test
  void oversizedLineDropsItsEvent() {
    String big = "x".repeat(100);
    assertEquals(List.of("dropped big", "event small [ok]"),
        parse("event: big\ndata: " + big + "\n\nevent: small\ndata: ok\n\n", 50));
  }

  @Test
  void oversizedDataDropsItsEvent() {
    String line = "data: " + "y".repeat(30) + "\n";
    assertEquals(List.of("dropped many", "event small [ok]"),
        parse("event: many\n" + line + line + "\nevent: small\ndata: ok\n\n", 50));
  }

  @Test
  void lineAtLimitIsKept() {
    String data = "z".repeat(44);
    assertEquals(List.of("event null [" + data + "]"), parse("data: " + data + "\n\n", 50));
  }
}
