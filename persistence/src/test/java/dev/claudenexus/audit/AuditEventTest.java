package dev.claudenexus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  private final AuditEventJson json = new AuditEventJson();

  @Test
  void journalLineRoundTrips() {
    AuditEvent event = new AuditEvent(UUID.randomUUID(),
        OffsetDateTime.parse("2026-03-01T13:00:00.123456789+01:00"), "alice \"quoted\"\n",
        "oidc", AuditAction.ANALYSIS_REQUEST, "c/main", 201, "::1", "proxy:3000");

    AuditEvent read = json.fromLine(json.toLine(event));

    assertEquals(event, read);
    assertEquals("2026-03-01T12:00:00.123456Z", read.occurredAt().toString());
  }

  @Test
  void missingOptionalFieldsStayNull() {
    AuditEvent event = AuditEvent.now(null, null, AuditAction.LOGOUT, null, 302, null, null);

    AuditEvent read = json.fromLine(json.toLine(event));

    assertEquals("anonymous", read.userName());
    assertEquals("anonymous", read.authMethod());
    assertNull(read.targetId());
    assertNull(read.clientAddress());
    assertEquals("unknown", read.service());
  }

  @Test
  void unknownActionLineIsRejected() {
    String line = json.toLine(AuditEvent.now("a", "b", AuditAction.LOGIN, null, 200, null, "s"))
        .replace("\"login\"", "\"format.disk\"");

    assertThrows(IllegalArgumentException.class, () -> json.fromLine(line));
  }

  @Test
  void longValuesAreCut() {
    AuditEvent event = AuditEvent.now("\uD83D\uDE00".repeat(200), "m".repeat(80),
        AuditAction.LOGIN, "t".repeat(300), 200, "a".repeat(101), "s".repeat(101));

    assertEquals(254, event.userName().length(), "no half of a surrogate pair is kept");
    assertEquals(AuditEvent.MAX_METHOD, event.authMethod().length());
    assertEquals(AuditEvent.MAX_TARGET, event.targetId().length());
    assertEquals(AuditEvent.MAX_ADDRESS, event.clientAddress().length());
    assertEquals(AuditEvent.MAX_SERVICE, event.service().length());
  }

  @Test
  void retentionDaysAreValidated() {
    assertEquals(365, AuditRetention.parseDays(null));
    assertEquals(30, AuditRetention.parseDays(" 30 "));
    for (String invalid : new String[] {"0", "-1", "36501", "1e3", "ten", "99999999999"}) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> AuditRetention.parseDays(invalid), invalid);
      assertEquals(true, error.getMessage().contains("AUDIT_RETENTION_DAYS"), error.getMessage());
    }
  }
}
