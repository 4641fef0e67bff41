package dev.claudenexus.dashboard.pages.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void canonicalUuidParsed() {
    UUID id = UUID.randomUUID();

    assertThat(RequestIds.parse(id.toString())).contains(id);
    assertThat(RequestIds.parse(id.toString().toUpperCase())).contains(id);
  }

  @Test
  void otherFormsRejected() {
    assertThat(RequestIds.parse(null)).isEmpty();
    assertThat(RequestIds.parse("1-1-1-1-1")).isEmpty();
    assertThat(RequestIds.parse("nope")).isEmpty();
    assertThat(RequestIds.parse("<script>")).isEmpty();
  }
}
