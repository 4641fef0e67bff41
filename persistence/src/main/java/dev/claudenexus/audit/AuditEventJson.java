package dev.claudenexus.audit;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.journal.LineCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Converts audit events to and from the one-line JSON form of the audit journal. */
final class AuditEventJson implements LineCodec<AuditEvent> {

  @Override
  public String toLine(AuditEvent event) {
    JsonObjectBuilder line = JSON.createObjectBuilder()
        .add("eventId", event.eventId().toString())
        .add("occurredAt", event.occurredAt().toString())
        .add("user", event.userName())
        .add("method", event.authMethod())
        .add("action", event.action().code())
        .add("outcome", event.outcome())
        .add("service", event.service());
    if (event.targetId() != null) {
      line.add("target", event.targetId());
    }
    if (event.clientAddress() != null) {
      line.add("address", event.clientAddress());
    }
    return line.build().toString();
  }

  @Override
  public AuditEvent fromLine(String line) {
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(line))) {
      json = reader.readObject();
    }
    String code = json.getString("action");
    AuditAction action = AuditAction.fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown audit action " + code));
    return new AuditEvent(UUID.fromString(json.getString("eventId")),
        OffsetDateTime.parse(json.getString("occurredAt")), json.getString("user"),
        json.getString("method"), action, optional(json, "target"), json.getInt("outcome"),
        optional(json, "address"), json.getString("service"));
  }

  private static String optional(JsonObject json, String name) {
    JsonValue value = json.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null : json.getString(name);
  }
}
