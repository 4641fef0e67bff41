package dev.claudenexus.analysis.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Renders a valid analysis object as Markdown, the form stored in {@code analysis_content}. */
final class AnalysisMarkdown {

  private AnalysisMarkdown() {}

  static String render(JsonObject a) {
    StringBuilder md = new StringBuilder();
    md.append("## Summary\n\n").append(a.getString("summary")).append("\n\n");
    list(md, "Key Topics", a.getJsonArray("keyTopics"));
    md.append("## Sentiment\n\n").append(a.getString("sentiment")).append("\n\n");
    md.append("## User Intent\n\n").append(a.getString("userIntent")).append("\n\n");
    list(md, "Outcomes", a.getJsonArray("outcomes"));
    md.append("## Action Items\n\n");
    for (JsonValue value : a.getJsonArray("actionItems")) {
      JsonObject item = value.asJsonObject();
      md.append("- [ ] ").append(item.getString("description")).append(" (").append(item.getString("type"));
      if (item.get("priority") instanceof JsonString priority) {
        md.append(", ").append(priority.getString());
      }
      md.append(")\n");
    }
    JsonObject technical = a.getJsonObject("technicalDetails");
    md.append("\n");
    list(md, "Technical Details: Frameworks", technical.getJsonArray("frameworks"));
    list(md, "Technical Details: Issues", technical.getJsonArray("issues"));
    list(md, "Technical Details: Solutions", technical.getJsonArray("solutions"));
    md.append("## Prompting Tips\n\n");
    for (JsonValue value : a.getJsonArray("promptingTips")) {
      JsonObject tip = value.asJsonObject();
      md.append("- **").append(tip.getString("category")).append("**: ").append(tip.getString("issue"))
          .append(" Suggestion: ").append(tip.getString("suggestion")).append("\n");
    }
    JsonObject patterns = a.getJsonObject("interactionPatterns");
    md.append("\n## Interaction Patterns\n\n")
        .append("- Prompt clarity: ").append(patterns.get("promptClarity")).append("/10\n")
        .append("- Context completeness: ").append(patterns.get("contextCompleteness")).append("/10\n")
        .append("- Follow-up effectiveness: ").append(patterns.getString("followUpEffectiveness")).append("\n\n");
    JsonObject quality = a.getJsonObject("conversationQuality");
    md.append("## Conversation Quality\n\n")
        .append("- Clarity: ").append(quality.getString("clarity")).append("\n")
        .append("- Completeness: ").append(quality.getString("completeness")).append("\n")
        .append("- Effectiveness: ").append(quality.getString("effectiveness")).append("\n");
    return md.toString();
  }

  private static void list(StringBuilder md, String title, JsonArray items) {
    md.append("## ").append(title).append("\n\n");
    for (JsonValue item : items) {
      md.append("- ").append(((JsonString) item).getString()).append("\n");
    }
    md.append("\n");
  }
}
