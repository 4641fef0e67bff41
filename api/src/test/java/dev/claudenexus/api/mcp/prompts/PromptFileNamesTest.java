package dev.claudenexus.api.mcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptFileNamesTest {

  @Test
  void plainYamlNamesAreValid() {
    assertThat(PromptFileNames.isValid("code-review.yaml")).isTrue();
    assertThat(PromptFileNames.isValid("v1.2_debug.yml")).isTrue();
    assertThat(PromptFileNames.promptName("v1.2_debug.yml")).isEqualTo("v1.2_debug");
  }

  @Test
  void pathsAreRejected() {
    for (String name : new String[] {"../escape.yaml", "..\\escape.yaml", "a/b.yaml", "/etc/x.yaml",
        "..yaml", "a..b.yaml"}) {
      assertThat(PromptFileNames.problem(name)).as(name).hasValueSatisfying(
          reason -> assertThat(reason).contains("path"));
    }
  }

  @Test
  void otherNamesAreRejected() {
    for (String name : new String[] {"", "prompt.txt", "prompt.yaml.bak", ".hidden.yaml",
        "space name.yaml", "ümlaut.yaml", "x".repeat(130) + ".yaml", "nul\u0000.yaml"}) {
      assertThat(PromptFileNames.isValid(name)).as(name).isFalse();
    }
  }
}
