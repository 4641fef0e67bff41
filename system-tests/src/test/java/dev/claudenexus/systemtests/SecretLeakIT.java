package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.webhook.ReceivedPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends requests whose content contains the client and upstream keys, then scans every output the
 * proxy wrote so far in this run: its log, the test samples, and the Slack and telemetry posts.
 */
@ExtendWith(NexusServerExtension.class)
class SecretLeakIT {

  private final NexusServer server;
  private final ProxyCalls calls;

  SecretLeakIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  @Test
  void noKeyInLogsSamplesOrPosts() throws Exception {
    String marker = "leak-check-" + UUID.randomUUID();
    String content = marker + " client " + server.clientKey + " upstream " + NexusServer.UPSTREAM_API_KEY
        + " bearer Bearer " + server.otherClientKey;
    send(ProxyCalls.inferenceBody(false, content));
    send(ProxyCalls.inferenceBody(true, content + " streamed"));
    server.fake.enqueue(ApiErrors.reply(401, "authentication_error", marker + " invalid x-api-key "
        + NexusServer.UPSTREAM_API_KEY));
    send(ProxyCalls.inferenceBody(false, content + " failing"));

    assertTrue(awaitOutputs(marker), "the Slack messages and samples of " + marker + " did not arrive");

    Map<String, String> secrets = Map.of(
        "client key", server.clientKey,
        "client key body", server.clientKey.substring("cnp_live_".length()),
        "other client key", server.otherClientKey,
        "upstream key", NexusServer.UPSTREAM_API_KEY,
        "upstream key body", NexusServer.UPSTREAM_API_KEY.substring("sk-ant-".length()));
    for (Map.Entry<String, String> output : outputs().entrySet()) {
      for (Map.Entry<String, String> secret : secrets.entrySet()) {
        assertFalse(output.getValue().contains(secret.getValue()),
            output.getKey() + " contains the " + secret.getKey());
      }
    }
  }

  private void send(String body) throws Exception {
    calls.post("/v1/messages", body);
    server.fake.takeRequest(Duration.ofSeconds(10));
  }

  /** Waits until three Slack messages and three sample files with the marker exist. */
  private boolean awaitOutputs(String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      long messages = server.hooks.received(NexusServer.SLACK_PATH).stream()
          .filter(post -> post.body().contains(marker)).count();
      long samples = smallSamples().stream().filter(text -> text.contains(marker)).count();
      if (messages >= 3 && samples >= 3) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private Map<String, String> outputs() throws IOException {
    Map<String, String> outputs = new java.util.LinkedHashMap<>();
    for (String log : new String[] {"proxy.log", "proxy.log.1"}) {
      Path file = server.home.resolve("logs").resolve(log);
      if (Files.exists(file)) {
        outputs.put("logs/" + log, Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    List<String> samples = samples();
    for (int i = 0; i < samples.size(); i++) {
      outputs.put("test sample " + i, samples.get(i));
    }
    List<ReceivedPost> posts = server.hooks.received();
    for (int i = 0; i < posts.size(); i++) {
      outputs.put("post " + i + " to " + posts.get(i).path(), posts.get(i).headers() + posts.get(i).body());
    }
    assertTrue(outputs.containsKey("logs/proxy.log"), "the proxy log is missing");
    return outputs;
  }

  private List<String> samples() throws IOException {
    return samples(Long.MAX_VALUE);
  }

  /** Returns the samples under 1 MB, which skips the large bodies of other tests while polling. */
  private List<String> smallSamples() throws IOException {
    return samples(1024 * 1024);
  }

  private List<String> samples(long maxBytes) throws IOException {
    List<String> texts = new ArrayList<>();
    if (!Files.isDirectory(server.samplesDirectory())) {
      return texts;
    }
    try (Stream<Path> files = Files.list(server.samplesDirectory())) {
      for (Path file : files.toList()) {
        if (Files.size(file) <= maxBytes) {
          texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return texts;
  }
}
