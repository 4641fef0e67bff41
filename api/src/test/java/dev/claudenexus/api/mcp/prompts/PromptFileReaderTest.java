package dev.claudenexus.api.mcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptFileReaderTest {

  private final PromptFileReader reader = new PromptFileReader(new PromptTemplates());

  @Test
  void readNamesPromptAfterFile() {
    Prompt prompt = reader.read("code-review.yaml",
        "name: ignored\ndescription: Reviews code\ntemplate: Review {{language}} code\n");

    assertThat(prompt.name()).isEqualTo("code-review");
    assertThat(prompt.description()).isEqualTo("Reviews code");
    assertThat(prompt.arguments()).containsExactly("language");
  }

  @Test
  void argumentsComeFromEveryVariableKind() {
    Prompt prompt = reader.read("p.yml", "template: |\n"
        + "  {{greeting}} {{user.name}}\n"
        + "  {{#if focus}}Focus on {{focus}}{{else}}General{{/if}}\n"
        + "  {{#each files}}{{this}} {{@index}}{{/each}}\n"
        + "  {{{raw}}} {{greeting}}\n");

    assertThat(prompt.arguments()).containsExactlyInAnyOrder("greeting", "user", "focus", "files", "raw");
  }

  @Test
  void renderDoesNotEscapeHtml() throws IOException {
    Prompt prompt = reader.read("p.yaml", "template: \"Say {{text}}\"");

    assertThat(prompt.render(Map.of("text", "<b>a & b</b>"))).isEqualTo("Say <b>a & b</b>");
  }

  @Test
  void renderLeavesMissingVariablesEmpty() throws IOException {
    Prompt prompt = reader.read("p.yaml", "template: \"[{{missing}}]{{#if flag}}yes{{else}}no{{/if}}\"");

    assertThat(prompt.render(Map.of())).isEqualTo("[]no");
    assertThat(prompt.render(Map.of("flag", "x"))).isEqualTo("[]yes");
  }

  @Test
  void invalidYamlIsRejected() {
    assertThatThrownBy(() -> reader.read("p.yaml", "template: [unclosed"))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingTemplateIsRejected() {
    assertThatThrownBy(() -> reader.read("p.yaml", "description: no template"))
        .hasMessageContaining("template key is missing");
    assertThatThrownBy(() -> reader.read("p.yaml", "template: [a, b]"))
        .hasMessageContaining("template key is missing or is not text");
    assertThatThrownBy(() -> reader.read("p.yaml", "- a list"))
        .hasMessageContaining("YAML mapping");
  }

  @Test
  void nonTextDescriptionIsRejected() {
    assertThatThrownBy(() -> reader.read("p.yaml", "description: [x]\ntemplate: t"))
        .hasMessageContaining("description key is not text");
  }

  @Test
  void invalidHandlebarsIsRejected() {
    assertThatThrownBy(() -> reader.read("p.yaml", "template: \"{{#if x}}never closed\""))
        .hasMessageContaining("not valid Handlebars");
  }

  @Test
  void yamlTypeTagsAreRejected() {
    assertThatThrownBy(() -> reader.read("p.yaml",
        "template: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void aliasExpansionIsLimited() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      bomb.append("]\n");
    }
    bomb.append("template: t\n");

    assertThatThrownBy(() -> reader.read("p.yaml", bomb.toString())).hasMessageContaining("not valid YAML");
  }

  @Test
  void partialsCannotReadFiles() {
    assertThatThrownBy(() -> {
      Prompt prompt = reader.read("p.yaml", "template: \"{{> ../../etc/passwd}}\"");
      prompt.render(Map.of());
    }).hasMessageContaining("Partials");
  }

  @Test
  void embeddedHelperIsDisabled() {
    assertThatThrownBy(() -> {
      Prompt prompt = reader.read("p.yaml", "template: \"{{embedded \\\"x\\\"}}\"");
      prompt.render(Map.of());
    }).hasStackTraceContaining("not available in prompts");
  }
}
