package dev.claudenexus.api.tokenusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLimitsTest {

  @TempDir Path directory;

  private void write(String domain, String json) throws Exception {
    Files.writeString(directory.resolve(domain + ".credentials.json"), json);
  }

  @Test
  void defaultWithoutFilesOrSetting() {
    TokenLimits limits = TokenLimits.read(directory.resolve("missing"), Optional.empty());

    assertEquals(new TokenLimits.Limit(140_000, TokenLimits.Source.DEFAULT), limits.forAccount("team"));
    assertThat(limits.problems()).isEmpty();
  }

  @Test
  void settingReplacesDefault() {
    TokenLimits limits = TokenLimits.read(directory, Optional.of(" 200000 "));

    assertEquals(new TokenLimits.Limit(200_000, TokenLimits.Source.SETTING), limits.forAccount("team"));
  }

  @Test
  void fileLimitWinsOverSetting() throws Exception {
    write("team.example.com", "{\"type\":\"api_key\",\"accountId\":\"team\",\"api_key\":\"sk-ant-secret\","
        + "\"token_limit_5h\":2500}");

    TokenLimits limits = TokenLimits.read(directory, Optional.of("200000"));

    assertEquals(new TokenLimits.Limit(2_500, TokenLimits.Source.CREDENTIAL_FILE), limits.forAccount("team"));
    assertEquals(new TokenLimits.Limit(200_000, TokenLimits.Source.SETTING), limits.forAccount("other"));
  }

  @Test
  void smallestLimitOfOneAccountApplies() throws Exception {
    write("a.example.com", "{\"accountId\":\"team\",\"token_limit_5h\":9000}");
    write("b.example.com", "{\"accountId\":\"team\",\"token_limit_5h\":7000}");

    assertEquals(7_000, TokenLimits.read(directory, Optional.empty()).forAccount("team").tokens());
  }

  @Test
  void invalidSettingFallsBackToDefault() {
    TokenLimits limits = TokenLimits.read(directory, Optional.of("lots"));

    assertEquals(140_000, limits.forAccount("team").tokens());
    assertThat(limits.problems()).containsExactly("TOKEN_LIMIT_5H=lots is not a whole number above 0; using 140000");
  }

  @Test
  void invalidFileLimitIgnored() throws Exception {
    write("a.example.com", "{\"accountId\":\"team\",\"token_limit_5h\":-5,\"api_key\":\"sk-ant-secret\"}");
    write("b.example.com", "{\"accountId\":\"solo\",\"token_limit_5h\":\"many\"}");
    write("c.example.com", "{\"token_limit_5h\":100}");

    TokenLimits limits = TokenLimits.read(directory, Optional.empty());

    assertEquals(140_000, limits.forAccount("team").tokens());
    assertEquals(140_000, limits.forAccount("solo").tokens());
    assertThat(limits.problems()).hasSize(3);
    assertThat(String.join("\n", limits.problems())).doesNotContain("sk-ant-secret");
  }

  @Test
  void unreadableFileHasNoLimit() throws Exception {
    write("a.example.com", "{ not json");
    Files.writeString(directory.resolve("notes.txt"), "{\"accountId\":\"team\",\"token_limit_5h\":1}");

    TokenLimits limits = TokenLimits.read(directory, Optional.empty());

    assertEquals(140_000, limits.forAccount("team").tokens());
    assertThat(limits.problems()).isEmpty();
  }

  @Test
  void nullAccountGetsFallback() {
    assertEquals(140_000, TokenLimits.read(directory, Optional.empty()).forAccount(null).tokens());
  }
}
