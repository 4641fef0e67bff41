package dev.claudenexus.proxy.diagnostics;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.proxy.outbound.ManagedThreads;
import dev.claudenexus.proxy.outbound.OutboundQueue;
import dev.claudenexus.proxy.outbound.RateLimitedLog;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes one sample file per finished request when {@code COLLECT_TEST_SAMPLES=true}. One worker
 * thread writes the files; the request thread only queues the request.
 */
@ApplicationScoped
public class TestSampleCollector {

  static final int QUEUE_CAPACITY = 256;

  private static final Logger LOG = Logger.getLogger(TestSampleCollector.class.getName());

  @Inject ProxySettings settings;

  private final RateLimitedLog failureWarning = new RateLimitedLog(LOG, Duration.ofMinutes(1));
  private final SecureRandom random = new SecureRandom();
  private Path directory;
  private OutboundQueue queue;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (settings.testSamplesDirectory().isEmpty()) {
      return;
    }
    directory = settings.testSamplesDirectory().get();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      LOG.warning("COLLECT_TEST_SAMPLES=true but the samples directory " + directory
          + " cannot be created (" + e + "); no samples are written");
      return;
    }
    queue = new OutboundQueue("test sample", 1, QUEUE_CAPACITY, ManagedThreads.factory());
    LOG.warning("COLLECT_TEST_SAMPLES=true: request and response bodies are written to " + directory
        + " (keys, e-mail addresses, card and social security numbers scrubbed)");
  }

  void onCompleted(@Observes RequestCompleted completed) {
    if (queue != null) {
      queue.offer(() -> write(completed));
    }
  }

  private void write(RequestCompleted completed) {
    JsonObject requestBody = TestSample.requestJson(completed.record());
    Path file = directory.resolve(SampleFileName.of(completed.record(), requestBody, random));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        JsonWriter json = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(out)) {
      json.writeObject(TestSample.of(completed, requestBody));
    } catch (IOException | RuntimeException e) {
      failureWarning.warning("Writing the test sample of request " + completed.record().requestId()
          + " failed: " + e);
    }
  }

  @PreDestroy
  void stop() {
    if (queue != null) {
      queue.close();
    }
  }
}
