package dev.claudenexus.testsupport.gemini;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback fake of Gemini's {@code POST /v1beta/models/{model}:generateContent} on 127.0.0.1. It
 * checks the {@code x-goog-api-key} header (403 {@code PERMISSION_DENIED} otherwise) and the request
 * document ({@code contents} of {@code {role, parts: [{text}]}}, 400 {@code INVALID_ARGUMENT}
 * otherwise). A request whose text contains a scripted marker gets that script's reply for its
 * attempt number (1 for the first request with the marker); any other request gets a valid
 * analysis.
 */
public final class FakeGeminiApi implements AutoCloseable {

  private static final Pattern PATH = Pattern.compile("/v1beta/models/([A-Za-z0-9._-]+):generateContent");

  private final HttpServer server;
  private final ExecutorService threads;
  private final String apiKey;
  private final List<GeminiCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, IntFunction<GeminiReply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private volatile IntFunction<GeminiReply> defaultScript = attempt -> GeminiReply.analysis();

  private FakeGeminiApi(HttpServer server, ExecutorService threads, String apiKey) {
    this.server = server;
    this.threads = threads;
    this.apiKey = apiKey;
  }

  /** Starts the fake on an ephemeral port of 127.0.0.1, accepting only {@code apiKey}. */
  public static FakeGeminiApi start(String apiKey) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService threads = Executors.newFixedThreadPool(32, task -> {
        Thread thread = new Thread(task, "fake-gemini-" + sequence.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      FakeGeminiApi fake = new FakeGeminiApi(server, threads, apiKey);
      server.createContext("/", fake::handle);
      server.setExecutor(threads);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException("Listening on 127.0.0.1 failed", e);
    }
  }

  /** Returns the base URL to configure as {@code GEMINI_API_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta/models";
  }

  /** Scripts the replies to requests whose text contains {@code marker}, by attempt number from 1. */
  public void script(String marker, IntFunction<GeminiReply> replies) {
    scripts.put(marker, replies);
  }

  /** Replaces the reply to requests that match no script. */
  public void scriptDefault(IntFunction<GeminiReply> replies) {
    defaultScript = replies;
  }

  /** Returns every request received so far. */
  public List<GeminiCall> calls() {
    return List.copyOf(calls);
  }

  /** Returns the requests whose text contains {@code marker}. */
  public List<GeminiCall> callsContaining(String marker) {
    List<GeminiCall> matching = new ArrayList<>();
    for (GeminiCall call : calls) {
      if (call.text().contains(marker)) {
        matching.add(call);
      }
    }
    return matching;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] received = exchange.getRequestBody().readAllBytes();
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
        send(exchange, GeminiReply.error(404, "NOT_FOUND", "Unknown path "
            + exchange.getRequestURI().getPath()));
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
      if (key == null || !key.equals(apiKey)) {
        send(exchange, GeminiReply.error(403, "PERMISSION_DENIED",
            "Method doesn't allow unregistered callers. Please use an API key."));
        return;
      }
      String body = new String(received, StandardCharsets.UTF_8);
      String text = contentsText(body);
      if (text == null) {
        send(exchange, GeminiReply.error(400, "INVALID_ARGUMENT",
            "Invalid JSON payload: contents must be a list of {role, parts: [{text}]}"));
        return;
      }
      calls.add(new GeminiCall(path.group(1), key, text, body, Instant.now()));
      send(exchange, replyFor(text));
    }
  }

  private GeminiReply replyFor(String text) {
    for (Map.Entry<String, IntFunction<GeminiReply>> script : scripts.entrySet()) {
      if (text.contains(script.getKey())) {
        int attempt = attempts.computeIfAbsent(script.getKey(), k -> new AtomicInteger()).incrementAndGet();
        return script.getValue().apply(attempt);
      }
    }
    return defaultScript.apply(0);
  }

  /** Returns the texts of the request's parts joined by newlines, or null when its shape is wrong. */
  static String contentsText(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonObject request = reader.readObject();
      if (!(request.get("contents") instanceof JsonArray contents) || contents.isEmpty()) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      for (JsonValue value : contents) {
        if (!(value instanceof JsonObject content)
            || !(content.get("role") instanceof JsonString role)
            || !(role.getString().equals("user") || role.getString().equals("model"))
            || !(content.get("parts") instanceof JsonArray parts)) {
          return null;
        }
        for (JsonValue part : parts) {
          if (!(part instanceof JsonObject object) || !(object.get("text") instanceof JsonString partText)) {
            return null;
          }
          text.append(partText.getString()).append('\n');
        }
      }
      return text.toString();
    } catch (JsonException | ClassCastException e) {
      return null;
    }
  }

  private static void send(HttpExchange exchange, GeminiReply reply) throws IOException {
    if (!reply.delay().isZero()) {
      try {
        Thread.sleep(reply.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    try {
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client stopped waiting (a timeout test), so no response is sent.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
