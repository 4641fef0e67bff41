package dev.claudenexus.api.spark;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Calls the Spark API: {@code GET /sessions/{id}/feedback}, {@code POST /send_feedback} and
 * {@code POST /feedback/batch}, with the key as {@code Authorization: Bearer}. Responses are read up to
 * {@value #MAX_RESPONSE_BYTES} bytes. Failures to reach Spark become 502 (504 on a timeout) with the
 * reason; the key never appears in a reply or a log.
 */
public class SparkClient {

  static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Logger LOG = Logger.getLogger(SparkClient.class.getName());
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final SparkSettings settings;

  public SparkClient(SparkSettings settings) {
    this.settings = settings;
  }

  /** Reads the feedback of one session. */
  public SparkReply sessionFeedback(String sessionId) {
    String path = "/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20")
        + "/feedback";
    return send(HttpRequest.newBuilder(uri(path)).GET(), "GET " + "/sessions/{id}/feedback");
  }

  /** Sends the feedback of one session. */
  public SparkReply sendFeedback(JsonObject feedback) {
    return post("/send_feedback", feedback);
  }

  /** Reads the feedback of several sessions in one call. */
  public SparkReply batchFeedback(JsonObject sessionIds) {
    return post("/feedback/batch", sessionIds);
  }

  private SparkReply post(String path, JsonObject body) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
        "POST " + path);
  }

  private URI uri(String path) {
    return URI.create(settings.baseUrl() + path);
  }

  private SparkReply send(HttpRequest.Builder request, String call) {
    request.timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + settings.apiKey().orElse(""));
    try {
      HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body = readLimited(response.body());
      return reply(response.statusCode(), body, call);
    } catch (HttpTimeoutException e) {
      LOG.warning(() -> "Spark did not answer " + call + " within " + TIMEOUT.toSeconds() + " s");
      return failure(504, "Spark API request timed out after " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      LOG.warning(() -> "Spark API call " + call + " to " + settings.baseUrl() + " failed: " + e);
      return failure(502, "Spark API request failed: " + e.getMessage() + "; check SPARK_API_URL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(502, "Spark API request was interrupted");
    }
  }

  private static SparkReply reply(int status, byte[] body, String call) {
    JsonStructure json = parse(body);
    if (status >= 200 && status < 300) {
      if (json == null) {
        LOG.warning(() -> "Spark answered " + call + " with a body that is not JSON");
        return failure(502, "Spark API sent a response that is not JSON");
      }
      return new SparkReply(status, json);
    }
    String detail = null;
    if (json instanceof JsonObject object) {
      detail = text(object.get("detail"));
      if (detail == null) {
        detail = text(object.get("error"));
      }
      if (detail == null && object.get("detail") != null) {
        detail = object.get("detail").toString();
      }
    }
    int shownStatus = status;
    LOG.info(() -> "Spark answered " + call + " with status " + shownStatus);
    return failure(status, detail != null ? detail : "Spark API request failed with status " + status);
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }

  private static JsonStructure parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.read();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] readLimited(InputStream stream) throws IOException {
    try (InputStream in = stream) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new IOException("the response is larger than " + MAX_RESPONSE_BYTES + " bytes");
      }
      return bytes;
    }
  }

  private static SparkReply failure(int status, String message) {
    return new SparkReply(status, JSON.createObjectBuilder().add("error", message).build());
  }
}
