package dev.claudenexus.analysis.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurnReaderTest {

  @Test
  void lastUserMessageTextParts() {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"first\"},"
        + "{\"role\":\"assistant\",\"content\":\"reply\"},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
        + "{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"b\"}]}]}";

    assertThat(TurnReader.lastUserText(body)).contains("a\n\nb");
  }

  @Test
  void responseWithToolCalls() {
    String response = "{\"content\":[{\"type\":\"text\",\"text\":\"Reading\"},"
        + "{\"type\":\"tool_use\",\"name\":\"Read\",\"input\":{}}]}";

    assertThat(TurnReader.responseText(response)).contains("Reading\n[Tool Use: Read]");
  }

  @Test
  void malformedBodiesGiveNoTurn() {
    assertThat(TurnReader.lastUserText("not json")).isEmpty();
    assertThat(TurnReader.lastUserText("[1,2]")).isEmpty();
    assertThat(TurnReader.lastUserText("{\"messages\":\"x\"}")).isEmpty();
    assertThat(TurnReader.responseText(null)).isEmpty();
    assertThat(TurnReader.responseText("{\"content\":[1,\"x\"]}")).isEmpty();
  }
}
