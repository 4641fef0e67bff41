package dev.claudenexus.testsupport.gemini;

import jakarta.json.Json;
import java.time.Duration;

/**
 * One scripted reply of the fake: a {@code generateContent} response with the given text and token
 * counts, or an error status with Google's error document, each after an optional delay.
 */
public record GeminiReply(int status, String body, Duration delay) {

  /** A valid analysis in a fenced JSON block, as a well-behaved model returns it. */
  public static final String VALID_ANALYSIS = """
      Here is the analysis.

      ```json
      {"analysis": {
        "summary": "The developer asked for a sorting function and got a tested implementation.",
        "keyTopics": ["sorting", "unit tests"],
        "sentiment": "positive",
        "userIntent": "Write a merge sort in Java",
        "outcomes": ["A working merge sort", "Three unit tests"],
        "actionItems": [{"type": "follow_up", "description": "Benchmark against Arrays.sort", "priority": "low"}],
        "promptingTips": [{"category": "context", "issue": "The input size was not given",
                           "suggestion": "State the expected input size"}],
        "interactionPatterns": {"promptClarity": 8, "contextCompleteness": 6,
                                "followUpEffectiveness": "good", "commonIssues": ["missing constraints"],
                                "strengths": ["clear goal"]},
        "technicalDetails": {"frameworks": ["JUnit 5"], "issues": ["off-by-one in merge"],
                             "solutions": ["fixed the index bound"], "toolUsageEfficiency": "good"},
        "conversationQuality": {"clarity": "high", "completeness": "complete", "effectiveness": "effective"}
      }}
      ```
      """;

  /** Returns a successful response with {@link #VALID_ANALYSIS}. */
  public static GeminiReply analysis() {
    return text(VALID_ANALYSIS, 1200, 300);
  }

  /** Returns a successful response whose first candidate's first part is {@code text}. */
  public static GeminiReply text(String text, int promptTokens, int outputTokens) {
    String body = Json.createObjectBuilder()
        .add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("content", Json.createObjectBuilder()
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", text)))
                .add("role", "model"))
            .add("finishReason", "STOP")
            .add("index", 0)))
        .add("usageMetadata", Json.createObjectBuilder()
            .add("promptTokenCount", promptTokens)
            .add("candidatesTokenCount", outputTokens)
            .add("totalTokenCount", promptTokens + outputTokens))
        .add("modelVersion", "gemini-2.5-pro")
        .build().toString();
    return new GeminiReply(200, body, Duration.ZERO);
  }

  /** Returns an error response in Google's format, such as 503 {@code UNAVAILABLE}. */
  public static GeminiReply error(int status, String googleStatus, String message) {
    String body = Json.createObjectBuilder()
        .add("error", Json.createObjectBuilder()
            .add("code", status).add("message", message).add("status", googleStatus))
        .build().toString();
    return new GeminiReply(status, body, Duration.ZERO);
  }

  /** Returns this reply sent after {@code delay}. */
  public GeminiReply after(Duration delay) {
    return new GeminiReply(status, body, delay);
  }
}
