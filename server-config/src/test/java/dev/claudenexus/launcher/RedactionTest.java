package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void userInfoPasswordIsMasked() {
    assertEquals("postgresql://nexus:***@db:5432/x",
        Redaction.url("postgresql://nexus:hunter2@db:5432/x"));
  }

  @Test
  void passwordParametersAreMasked() {
    assertEquals("jdbc:postgresql://db/x?user=a&password=***&ssl=true",
        Redaction.url("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"));
    assertEquals("jdbc:h2:file:/x;PASSWORD=***;MODE=PostgreSQL",
        Redaction.url("jdbc:h2:file:/x;PASSWORD=hunter2;MODE=PostgreSQL"));
  }

  @Test
  void knownSecretsAreScrubbed() {
    assertEquals("FATAL: authentication failed for *** at db",
        Redaction.scrub("FATAL: authentication failed for s3cr3t at db", List.of("s3cr3t", "")));
  }

  @Test
  void shownValueIsCut() {
    String shown = Redaction.shown("y".repeat(500));

    assertEquals("y".repeat(Redaction.MAX_SHOWN_LENGTH) + "... (500 characters)", shown);
  }
}
