package dev.claudenexus.analysis.model;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.prompt.Turn;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Gemini's {@code POST {GEMINI_API_URL}/{model}:generateContent}, authenticated with the
 * {@code x-goog-api-key} header. The whole call, connection included, ends after the configured
 * request timeout. The reply text is the first candidate's first part, and the token counts come
 * from {@code usageMetadata}.
 */
public final class GeminiClient implements AnalysisModel {

  /** Maximum response body read, far above a response of 8,192 output tokens. */
  static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
  /** Characters of an error response kept in the message. */
  static final int MAX_ERROR_BODY_CHARS = 1000;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final String model;
  private final Duration timeout;
  private final BigDecimal inputPrice;
  private final BigDecimal outputPrice;

  /** Creates a client from the settings; {@code GEMINI_API_KEY} must be set. */
  public GeminiClient(AnalysisSettings settings) {
    this.apiKey = settings.geminiKey().orElseThrow(
        () -> new IllegalStateException("GEMINI_API_KEY is not set"));
    this.model = settings.geminiModel();
    this.endpoint = URI.create(settings.geminiUrl() + "/" + model + ":generateContent");
    this.timeout = settings.requestTimeout();
    this.inputPrice = settings.inputPricePerMillion();
    this.outputPrice = settings.outputPricePerMillion();
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String name() {
    return model;
  }

  @Override
  public ModelReply generate(List<Turn> contents) throws ModelCallException {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("x-goog-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(requestBody(contents), StandardCharsets.UTF_8))
        .build();
    HttpResponse<InputStream> response;
    String body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      body = readLimited(response.body());
    } catch (HttpTimeoutException e) {
      throw new ModelCallException("Gemini API request timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new ModelCallException("Gemini API request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelCallException("Gemini API request was interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      String shown = body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) + "..." : body;
      throw new ModelCallException("Gemini API error (" + response.statusCode() + "): " + shown);
    }
    return reply(body);
  }

  /** Returns the {@code generateContent} request body. */
  static String requestBody(List<Turn> contents) {
    JsonArrayBuilder turns = JSON.createArrayBuilder();
    for (Turn turn : contents) {
      turns.add(JSON.createObjectBuilder()
          .add("role", turn.role())
          .add("parts", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", turn.text()))));
    }
    return JSON.createObjectBuilder()
        .add("contents", turns)
        .add("generationConfig", JSON.createObjectBuilder()
            .add("temperature", 0.1)
            .add("topK", 40)
            .add("topP", 0.95)
            .add("maxOutputTokens", 8192)
            .add("responseMimeType", "text/plain"))
        .build()
        .toString();
  }

  private ModelReply reply(String body) throws ModelCallException {
    JsonObject document;
    try (var reader = JSON.createReader(new StringReader(body))) {
      document = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new ModelCallException("Gemini API returned a response that is not a JSON object");
    }
    String text = firstText(document);
    JsonObject usage = document.get("usageMetadata") instanceof JsonObject u ? u : JsonObject.EMPTY_JSON_OBJECT;
    int promptTokens = count(usage, "promptTokenCount");
    int completionTokens = count(usage, "candidatesTokenCount");
    BigDecimal cost = inputPrice.multiply(BigDecimal.valueOf(promptTokens))
        .add(outputPrice.multiply(BigDecimal.valueOf(completionTokens)))
        .divide(MILLION, MathContext.DECIMAL64)
        .setScale(6, java.math.RoundingMode.HALF_UP);
    return new ModelReply(text, body, promptTokens, completionTokens, cost);
  }

  private static String firstText(JsonObject document) throws ModelCallException {
    if (document.get("candidates") instanceof JsonArray candidates && !candidates.isEmpty()
        && candidates.get(0) instanceof JsonObject candidate
        && candidate.get("content") instanceof JsonObject content
        && content.get("parts") instanceof JsonArray parts && !parts.isEmpty()
        && parts.get(0) instanceof JsonObject part
        && part.get("text") instanceof JsonString text) {
      return text.getString();
    }
    throw new ModelCallException("Gemini API returned no text (candidates[0].content.parts[0].text is"
        + " missing)");
  }

  private static int count(JsonObject usage, String name) {
    return usage.get(name) instanceof JsonNumber number && number.isIntegral()
        ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, number.longValue())) : 0;
  }

  private static String readLimited(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new IOException("the response is larger than " + MAX_RESPONSE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
