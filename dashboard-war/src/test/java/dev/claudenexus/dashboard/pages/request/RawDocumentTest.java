package dev.claudenexus.dashboard.pages.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawDocumentTest {

  @Test
  void jsonIndented() {
    RawDocument document = RawDocument.of("raw-request", "Request body", "{\"a\":[1,2]}");

    assertThat(document.json()).isTrue();
    assertThat(document.text().text()).contains("\n").contains("\"a\": [");
  }

  @Test
  void malformedShownAsStored() {
    RawDocument document = RawDocument.of("raw-request", "Request body", "{\"a\": <script>");

    assertThat(document.stored()).isTrue();
    assertThat(document.json()).isFalse();
    assertThat(document.text().text()).isEqualTo("{\"a\": <script>");
  }

  @Test
  void missingNotStored() {
    assertThat(RawDocument.of("raw-usage", "Usage", null).stored()).isFalse();
  }

  @Test
  void hugeDocumentCut() {
    RawDocument document = RawDocument.of("raw-request", "Request body",
        "\"" + "x".repeat(RawDocument.MAX_CHARS + 10) + "\"");

    assertThat(document.text().cut()).isTrue();
    assertThat(document.text().text()).hasSize(RawDocument.MAX_CHARS);
  }
}
