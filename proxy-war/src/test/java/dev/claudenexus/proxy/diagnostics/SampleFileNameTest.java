package dev.claudenexus.proxy.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.Completions;
import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleFileNameTest {

  private static JsonObject json(String text) {
    return JsonProvider.provider().createReader(new StringReader(text)).readObject();
  }

  @Test
  void nameHasEveryFlag() {
    Completions completions = new Completions();
    completions.streaming = true;
    RequestRecord record = completions.build().record();
    JsonObject body = json("{\"system\":\"s\",\"tools\":[{\"name\":\"t\"}]}");

    String name = SampleFileName.of(record, body, new Random(1));

    String prefix = "inference_streaming_with_tools_with_system_sonnet-"
        + Completions.TIME.toInstant().toEpochMilli() + "-";
    assertTrue(name.startsWith(prefix), name);
    assertTrue(name.substring(prefix.length()).matches("[a-z0-9]{9}\\.json"), name);
  }

  @Test
  void plainNameWithoutFlags() {
    Completions completions = new Completions();
    completions.requestType = "query_evaluation";

    String name = SampleFileName.of(completions.build().record(), json("{\"tools\":[],\"system\":\"\"}"), new Random(1));

    assertTrue(name.startsWith("query_evaluation_sonnet-"), name);
  }

  @Test
  void modelFamilies() {
    assertEquals("opus", SampleFileName.modelFamily("claude-opus-4-1-20250805"));
    assertEquals("haiku", SampleFileName.modelFamily("claude-3-5-Haiku"));
    assertEquals("unknown", SampleFileName.modelFamily("gpt"));
    assertEquals("unknown", SampleFileName.modelFamily(null));
  }

  @Test
  void hostileRequestTypeCannotLeaveDirectory() {
    Completions completions = new Completions();
    completions.requestType = "../../etc/x";

    String name = SampleFileName.of(completions.build().record(), null, new Random(1));

    assertTrue(name.matches("[a-z_]+-\\d+-[a-z0-9]{9}\\.json"), name);
  }
}
