package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageSourcesTest {

  @Test
  void base64Accepted() {
    assertThat(ImageSources.isBase64("iVBORw0KGgo=")).isTrue();
    assertThat(ImageSources.isBase64("ab+/cd==")).isTrue();
  }

  @Test
  void nonBase64Rejected() {
    assertThat(ImageSources.isBase64("")).isFalse();
    assertThat(ImageSources.isBase64("====")).isFalse();
    assertThat(ImageSources.isBase64("ab cd")).isFalse();
    assertThat(ImageSources.isBase64("ab\"onload=")).isFalse();
    assertThat(ImageSources.isBase64("a=b")).isFalse();
  }

  @Test
  void urlSourceNotLoaded() {
    MessageBlock.Image image = ImageSources.image(JSON.createObjectBuilder()
        .add("type", "url").add("url", "https://example.com/a.png").build(),
        new ImageSources.ImageBudget(100));

    assertThat(image.dataUrl()).isNull();
    assertThat(image.notice()).contains("https://example.com/a.png");
  }

  @Test
  void imageBudgetSpent() {
    ImageSources.ImageBudget budget = new ImageSources.ImageBudget(10);
    var source = JSON.createObjectBuilder().add("type", "base64").add("media_type", "image/gif")
        .add("data", "R0lGODlh").build();

    assertThat(ImageSources.image(source, budget).dataUrl()).startsWith("data:image/gif;base64,");
    assertThat(ImageSources.image(source, budget).dataUrl()).isNull();
  }
}
