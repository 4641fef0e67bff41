package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background process of {@code bin/nexus demo}. It starts the fake API on loopback and writes its
 * port to {@value #PORT_FILE}, so the proxy can be started against it. It then waits for the proxy,
 * plays the sessions, writes the summary to {@value #PLAYED_FILE} (or the error to {@value
 * #FAILED_FILE}), and keeps the fake serving requests until the process is stopped.
 */
public final class DemoRun {

  public static final String PORT_FILE = "upstream.port";
  public static final String PLAYED_FILE = "played";
  public static final String FAILED_FILE = "failed";

  private static final Logger LOG = Logger.getLogger(DemoRun.class.getName());
  private static final Duration HEALTH_POLL = Duration.ofMillis(500);

  private final Path runDirectory;
  private final URI proxyUrl;
  private final Duration proxyTimeout;

  /**
   * @param runDirectory where the port and status files go
   * @param proxyUrl the proxy's base URL on loopback
   * @param proxyTimeout how long to wait for the proxy to report its database connected
   */
  public DemoRun(Path runDirectory, URI proxyUrl, Duration proxyTimeout) {
    this.runDirectory = runDirectory;
    this.proxyUrl = proxyUrl;
    this.proxyTimeout = proxyTimeout;
  }

  /** Starts the fake API and writes its port. The caller then plays and closes it. */
  public FakeAnthropicApi startUpstream() throws IOException {
    FakeAnthropicApi fake = FakeAnthropicApi.start();
    // The fake serves requests until the process is stopped, so it must not keep every request in memory.
    fake.setRequestRecording(false);
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "demo-fake-shutdown"));
    writeAtomically(PORT_FILE, Integer.toString(fake.port()));
    LOG.info(() -> "Fake Anthropic API listening on " + fake.baseUrl());
    return fake;
  }

  /**
   * Waits for the proxy, plays set {@code set} of the sessions and writes the status file.
   *
   * @return whether the play succeeded
   */
  public boolean play(FakeAnthropicApi fake, DemoAccounts accounts, int set) throws IOException {
    try {
      awaitProxy();
      PlayReport report = new DemoPlayer(fake).play(accounts, set);
      LOG.info(report::summary);
      writeAtomically(PLAYED_FILE, report.summary());
      return true;
    } catch (DemoFailedException e) {
      LOG.log(Level.SEVERE, "The demo sessions failed", e);
      writeAtomically(FAILED_FILE, e.getMessage());
      return false;
    }
  }

  /** Blocks until the process is stopped, while the fake serves requests on its own threads. */
  public static void awaitStop() throws InterruptedException {
    new CountDownLatch(1).await();
  }

  private void awaitProxy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(proxyUrl.resolve("/health"))
        .timeout(Duration.ofSeconds(2))
        .build();
    long deadline = System.nanoTime() + proxyTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
        if (body.contains("\"database\":\"connected\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // The proxy is still starting; try again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoFailedException("Interrupted while waiting for the proxy", e);
      }
      sleep(HEALTH_POLL);
    }
    throw new DemoFailedException("The proxy at " + proxyUrl + " did not report a connected database within "
        + proxyTimeout.toSeconds() + " s");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailedException("Interrupted while waiting for the proxy", e);
    }
  }

  /** Writes a file under a temporary name and renames it, so a reader never sees part of it. */
  private void writeAtomically(String name, String text) throws IOException {
    Files.createDirectories(runDirectory);
    Path temporary = runDirectory.resolve(name + ".tmp");
    Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, runDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
