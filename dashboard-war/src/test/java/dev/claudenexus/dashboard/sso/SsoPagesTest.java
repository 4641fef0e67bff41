package dev.claudenexus.dashboard.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsoPagesTest {

  @Test
  void baseUrlUsesHostHeader() {
    assertThat(SsoPages.baseUrl("https", "dash.example.com", "10.0.0.5", 3001))
        .isEqualTo("https://dash.example.com");
    assertThat(SsoPages.baseUrl("http", "127.0.0.1:3001", "127.0.0.1", 3001))
        .isEqualTo("http://127.0.0.1:3001");
    assertThat(SsoPages.baseUrl("http", "[::1]:3001", "::1", 3001)).isEqualTo("http://[::1]:3001");
  }

  @Test
  void hostileHostHeaderFallsBack() {
    for (String host : new String[] {"evil.example.com/path", "a@b.example", "x\r\nSet-Cookie: y",
        "host:port", "", "h".repeat(300), "example.com:123456", "<script>"}) {
      assertThat(SsoPages.baseUrl("http", host, "127.0.0.1", 3001)).as(host)
          .isEqualTo("http://127.0.0.1:3001");
    }
    assertThat(SsoPages.baseUrl("http", null, "127.0.0.1", 3001)).isEqualTo("http://127.0.0.1:3001");
  }

  @Test
  void parameterLengthIsChecked() {
    assertThat(SsoPages.valid("abc", 3)).isTrue();
    assertThat(SsoPages.valid("abcd", 3)).isFalse();
    assertThat(SsoPages.valid("", 3)).isFalse();
    assertThat(SsoPages.valid(null, 3)).isFalse();
  }

  @Test
  void providerTextIsShortened() {
    assertThat(SsoPages.shorten("access_denied", 100)).isEqualTo("access_denied");
    assertThat(SsoPages.shorten("x".repeat(150), 100)).hasSize(103).endsWith("...");
  }
}
