package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLinkTest {

  @Test
  void pathWithoutParametersStaysBare() {
    assertThat(PageLink.to("/dashboard").toString()).isEqualTo("/dashboard");
  }

  @Test
  void parametersKeepOrderAndSkipBlank() {
    String link = PageLink.to("/dashboard").with("domain", "a.example.com").with("search", " ")
        .with("limit", null).with("after", "abc_-").toString();

    assertThat(link).isEqualTo("/dashboard?domain=a.example.com&after=abc_-");
  }

  @Test
  void valuesAreUrlEncoded() {
    String link = PageLink.to("/dashboard/token-usage").with("accountId", "acc 1&x=<y>")
        .toString();

    assertThat(link).isEqualTo("/dashboard/token-usage?accountId=acc+1%26x%3D%3Cy%3E");
  }
}
