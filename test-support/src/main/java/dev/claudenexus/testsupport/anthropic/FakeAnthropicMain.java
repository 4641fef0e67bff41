package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs {@link FakeAnthropicApi} with its default replies as a separate process, for scripts that need
 * an upstream outside the JVM (the Claude Code acceptance script).
 *
 * <pre>
 * java -cp test-support/target/classes dev.claudenexus.testsupport.anthropic.FakeAnthropicMain PORT_FILE [MAX_SECONDS]
 * </pre>
 *
 * <p>It writes the port to PORT_FILE once it listens, prints one line per request to standard output,
 * and stops when killed or after MAX_SECONDS (default 3600), whichever comes first. The printed lines
 * show the method, target, body size, whether the body requests a stream, and the headers that
 * describe the client. They never show the values of {@code x-api-key} or {@code authorization}.
 */
public final class FakeAnthropicMain {

  private static final int DEFAULT_MAX_SECONDS = 3600;

  /** Headers whose values the request lines show. Other headers appear by name only. */
  private static final List<String> SHOWN_HEADERS = List.of(
      "anthropic-beta", "anthropic-version", "user-agent", "x-app", "content-type", "accept");

  private FakeAnthropicMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("Usage: FakeAnthropicMain PORT_FILE [MAX_SECONDS]");
      System.exit(2);
    }
    Path portFile = Path.of(args[0]).toAbsolutePath();
    int maxSeconds = args.length == 2 ? parseSeconds(args[1]) : DEFAULT_MAX_SECONDS;

    FakeAnthropicApi api = FakeAnthropicApi.start();
    Runtime.getRuntime().addShutdownHook(new Thread(api::close, "fake-anthropic-shutdown"));
    writePortFile(portFile, api.port());
    System.out.println("Fake Anthropic API listening on " + api.baseUrl() + " for at most " + maxSeconds + " s");
    System.out.flush();

    Instant deadline = Instant.now().plusSeconds(maxSeconds);
    while (Instant.now().isBefore(deadline)) {
      Duration left = Duration.between(Instant.now(), deadline);
      ReceivedRequest request;
      try {
        request = api.takeRequest(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
      } catch (AssertionError noRequestYet) {
        continue;
      }
      System.out.println(describe(request));
      System.out.flush();
    }
    System.out.println("Fake Anthropic API stops after " + maxSeconds + " s");
    System.exit(0);
  }

  /** Returns one line describing the request, without secrets. */
  static String describe(ReceivedRequest request) {
    StringBuilder line = new StringBuilder()
        .append("request #").append(request.sequence())
        .append(' ').append(request.method())
        .append(' ').append(request.target())
        .append(" body=").append(request.bodyLength()).append('B')
        .append(" stream=").append(Json.streamRequested(request.bodyText()));
    for (String name : SHOWN_HEADERS) {
      String value = request.header(name);
      if (value != null) {
        line.append(' ').append(name).append("=\"").append(value).append('"');
      }
    }
    String otherNames = request.headers().fields().stream()
        .map(field -> field.name().toLowerCase(Locale.ROOT))
        .filter(name -> !SHOWN_HEADERS.contains(name))
        .distinct()
        .collect(Collectors.joining(","));
    line.append(" other-headers=").append(otherNames);
    return line.toString();
  }

  private static int parseSeconds(String text) {
    try {
      int seconds = Integer.parseInt(text);
      if (seconds < 1) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      System.err.println("MAX_SECONDS must be a positive whole number, got \"" + text + "\"");
      System.exit(2);
      return 0;
    }
  }

  /** Writes the port under a temporary name and renames it, so a reader never sees a partial file. */
  private static void writePortFile(Path portFile, int port) throws IOException {
    Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(temporary, port + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
