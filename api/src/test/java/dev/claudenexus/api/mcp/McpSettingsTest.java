package dev.claudenexus.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class McpSettingsTest {

  private static Config config(Map<String, String> values) {
    return (Config) java.lang.reflect.Proxy.newProxyInstance(McpSettingsTest.class.getClassLoader(),
        new Class<?>[] {Config.class}, (proxy, method, args) -> {
          if (method.getName().equals("getOptionalValue")) {
            return Optional.ofNullable(values.get((String) args[0]));
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static Map<String, String> github() {
    Map<String, String> values = new HashMap<>();
    values.put("MCP_GITHUB_OWNER", "team");
    values.put("MCP_GITHUB_REPO", "prompts");
    values.put("MCP_GITHUB_TOKEN", "ghp_x");
    return values;
  }

  @Test
  void defaultsAreOffWithoutSync() {
    McpSettings settings = McpSettings.from(config(Map.of()));

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.promptsDirectory().getFileName()).hasToString("prompts");
    assertThat(settings.syncConfigured()).isFalse();
    assertThat(settings.syncInterval()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void githubNeedsOwnerRepoAndToken() {
    Map<String, String> values = github();
    values.remove("MCP_GITHUB_TOKEN");

    assertThat(McpSettings.from(config(values)).syncConfigured()).isFalse();
  }

  @Test
  void githubDefaultsFollowOriginal() {
    GitHubSource source = McpSettings.from(config(github())).github().orElseThrow();

    assertThat(source.branch()).isEqualTo("main");
    assertThat(source.path()).isEqualTo("prompts");
    assertThat(source.apiUrl()).hasToString("https://api.github.com");
    assertThat(source.toString()).doesNotContain("ghp_x");
  }

  @Test
  void folderTraversalIsRejected() {
    for (String path : new String[] {"../outside", "a/../../b", "a//b", "./x"}) {
      Map<String, String> values = github();
      values.put("MCP_GITHUB_PATH", path);
      assertThatThrownBy(() -> McpSettings.from(config(values))).as(path)
          .hasMessageContaining("MCP_GITHUB_PATH");
    }
  }

  @Test
  void malformedValuesNameTheSetting() {
    Map<String, Map.Entry<String, String>> cases = Map.of(
        "MCP_SYNC_INTERVAL", Map.entry("MCP_SYNC_INTERVAL", "soon"),
        "MCP_GITHUB_API_URL", Map.entry("MCP_GITHUB_API_URL", "file:///etc"),
        "MCP_GITHUB_BRANCH", Map.entry("MCP_GITHUB_BRANCH", "a..b"),
        "MCP_GITHUB_OWNER", Map.entry("MCP_GITHUB_OWNER", "te am"));
    cases.forEach((setting, value) -> {
      Map<String, String> values = github();
      values.put(value.getKey(), value.getValue());
      assertThatThrownBy(() -> McpSettings.from(config(values))).as(setting).hasMessageStartingWith(setting);
    });
  }

  @Test
  void shortIntervalIsRejected() {
    assertThatThrownBy(() -> McpSettings.from(config(Map.of("MCP_SYNC_INTERVAL", "1"))))
        .hasMessageContaining("from 10");
  }
}
