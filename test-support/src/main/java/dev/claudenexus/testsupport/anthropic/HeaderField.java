package dev.claudenexus.testsupport.anthropic;

import java.util.Objects;

/** One header field line, with the name spelled as it was sent or scripted. */
public record HeaderField(String name, String value) {

  public HeaderField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
