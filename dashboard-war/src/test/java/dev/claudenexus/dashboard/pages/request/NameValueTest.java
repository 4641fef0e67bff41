package dev.claudenexus.dashboard.pages.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameValueTest {

  @Test
  void fieldsSortedByName() {
    assertThat(NameValue.fieldsOf("{\"user-agent\":\"cli\",\"accept\":\"*/*\",\"x-list\":[1]}"))
        .containsExactly(new NameValue("accept", "*/*"), new NameValue("user-agent", "cli"),
            new NameValue("x-list", "[1]"));
  }

  @Test
  void notAnObjectIsEmpty() {
    assertThat(NameValue.fieldsOf(null)).isEmpty();
    assertThat(NameValue.fieldsOf("[1]")).isEmpty();
    assertThat(NameValue.fieldsOf("{broken")).isEmpty();
  }
}
