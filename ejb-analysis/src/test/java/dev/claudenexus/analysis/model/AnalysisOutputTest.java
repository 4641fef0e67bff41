package dev.claudenexus.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysisOutputTest {

  static final String VALID = """
      {"analysis": {"summary": "S", "keyTopics": ["t"], "sentiment": "mixed", "userIntent": "U",
       "outcomes": ["o"], "actionItems": [{"type": "task", "description": "d", "priority": "high"}],
       "promptingTips": [{"category": "clarity", "issue": "i", "suggestion": "s"}],
       "interactionPatterns": {"promptClarity": 7, "contextCompleteness": 10,
         "followUpEffectiveness": "excellent", "commonIssues": [], "strengths": ["x"]},
       "technicalDetails": {"frameworks": [], "issues": [], "solutions": []},
       "conversationQuality": {"clarity": "low", "completeness": "partial", "effectiveness": "effective"}}}
      """;

  @Test
  void fencedJsonParsedAndRendered() {
    AnalysisOutput output = AnalysisOutput.parse("Intro\n```json\n" + VALID + "```\nbye");

    assertThat(output.data()).contains("\"summary\":\"S\"");
    assertThat(output.content()).startsWith("## Summary\n\nS").contains("- [ ] d (task, high)");
  }

  @Test
  void plainJsonParsed() {
    assertThat(AnalysisOutput.parse(VALID).data()).isNotNull();
  }

  @Test
  void proseKeptAsRawText() {
    AnalysisOutput output = AnalysisOutput.parse("Summary: fine. Key topics: none.");

    assertThat(output.data()).isNull();
    assertThat(output.content()).isEqualTo("Summary: fine. Key topics: none.");
  }

  @Test
  void schemaViolationsKeptAsRawText() {
    String[] invalid = {
        VALID.replace("\"mixed\"", "\"angry\""),
        VALID.replace("\"promptClarity\": 7", "\"promptClarity\": 11"),
        VALID.replace("\"summary\": \"S\",", ""),
        VALID.replace("[\"t\"]", "[1]"),
        "{\"analysis\": []}",
        "[]",
        "```json\n{broken\n```",
    };
    for (String text : invalid) {
      assertThat(AnalysisOutput.parse(text).data()).as(text).isNull();
    }
  }

  @Test
  void repeatedFencesParsedQuickly() {
    long started = System.nanoTime();

    AnalysisOutput output = AnalysisOutput.parse("```json".repeat(40_000));

    assertThat(output.data()).isNull();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
  }

  @Test
  void oversizedOutputCut() {
    String huge = "z".repeat(AnalysisOutput.MAX_TEXT_CHARS + 100);

    assertThat(AnalysisOutput.parse(huge).content()).hasSize(AnalysisOutput.MAX_TEXT_CHARS);
  }
}
