package dev.claudenexus.audit;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A filtered page of the audit trail, newest first. Every filter is optional; the time range includes
 * {@code from} and excludes {@code to}.
 *
 * @param user exact caller name
 * @param action one action
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param targetId exact id the action concerned
 * @param after the position of the last event of the previous page
 * @param limit events per page
 */
public record AuditQuery(Optional<String> user, Optional<AuditAction> action,
    Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, Optional<String> targetId,
    Optional<Position> after, int limit) {

  /** The sort key of an event: events are ordered by time, then by id. */
  public record Position(OffsetDateTime occurredAt, UUID eventId) {

    public static Position of(AuditEvent event) {
      return new Position(event.occurredAt(), event.eventId());
    }
  }

  /** Returns the same filters for the page after {@code position}. */
  public AuditQuery after(Position position) {
    return new AuditQuery(user, action, from, to, targetId, Optional.of(position), limit);
  }
}
