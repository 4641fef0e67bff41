package dev.claudenexus.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds audit events for tests. */
final class AuditEvents {

  private AuditEvents() {}

  static AuditEvent view(String user, String target) {
    return AuditEvent.now(user, "dashboard-key", AuditAction.REQUEST_VIEW, target, 200,
        "127.0.0.1", "dashboard:3001");
  }

  static AuditEvent at(OffsetDateTime time, String user, AuditAction action, String target) {
    return new AuditEvent(UUID.randomUUID(), time, user, "dashboard-session", action, target, 200,
        "10.0.0.7", "proxy:3000");
  }

  static OffsetDateTime utc(String time) {
    return OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC);
  }

  static List<AuditEvent> views(int count) {
    return IntStream.range(0, count).mapToObj(i -> view("user-" + i, "target-" + i)).toList();
  }
}
