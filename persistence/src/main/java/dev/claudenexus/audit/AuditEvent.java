package dev.claudenexus.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited action. Text fields are cut to their column sizes and NUL characters replaced, so a
 * hostile principal name or header can never make the database reject the event.
 *
 * @param eventId unique id, created with the event; a replay that repeats it stores no second row
 * @param occurredAt when it happened, in UTC with microsecond precision, as the database keeps it
 * @param userName the caller principal's name, or {@code anonymous}
 * @param authMethod how the caller authenticated ({@code dashboard-key}, {@code dashboard-session},
 *     {@code oidc}, {@code anonymous})
 * @param action what the caller did
 * @param targetId the ids the action concerned (request id, conversation id, {@code
 *     conversationId/branchId}), or null
 * @param outcome the HTTP status of the response
 * @param clientAddress the client's address, after trusted proxies
 * @param service the service and port the request came through, such as {@code dashboard:3001}
 */
public record AuditEvent(UUID eventId, OffsetDateTime occurredAt, String userName,
    String authMethod, AuditAction action, String targetId, int outcome, String clientAddress,
    String service) {

  static final int MAX_USER = 255;
  static final int MAX_METHOD = 50;
  static final int MAX_TARGET = 255;
  static final int MAX_ADDRESS = 100;
  static final int MAX_SERVICE = 100;

  public AuditEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(action, "action");
    occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    userName = clip(userName == null || userName.isBlank() ? "anonymous" : userName, MAX_USER);
    authMethod = clip(authMethod == null ? "anonymous" : authMethod, MAX_METHOD);
    targetId = targetId == null ? null : clip(targetId, MAX_TARGET);
    clientAddress = clientAddress == null ? null : clip(clientAddress, MAX_ADDRESS);
    service = clip(service == null ? "unknown" : service, MAX_SERVICE);
  }

  /** Creates an event that happens now, with a new id. */
  public static AuditEvent now(String userName, String authMethod, AuditAction action,
      String targetId, int outcome, String clientAddress, String service) {
    return new AuditEvent(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), userName,
        authMethod, action, targetId, outcome, clientAddress, service);
  }

  private static String clip(String text, int max) {
    String clean = text.replace('\u0000', '\uFFFD');
    if (clean.length() <= max) {
      return clean;
    }
    // Cut before a surrogate pair's second half would be left alone.
    int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
    return clean.substring(0, end);
  }
}
