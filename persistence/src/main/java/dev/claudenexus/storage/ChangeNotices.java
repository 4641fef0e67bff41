package dev.claudenexus.storage;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells other services that stored data changed. On PostgreSQL a writer sends a notice on
 * {@link #CHANNEL} inside its transaction, and PostgreSQL delivers it to every listening connection
 * when, and only when, that transaction commits. H2 has no notices: readers there watch the table.
 */
public final class ChangeNotices {

  /** The {@code LISTEN} channel of every notice. */
  public static final String CHANNEL = "nexus_changes";

  /** The kind of change, sent as the notice's payload. */
  public enum Kind {
    /** New requests were stored. */
    REQUESTS,
    /** Stored requests were linked again, so their conversations may differ. */
    RELINKED,
    /** The status or result of a conversation analysis changed. */
    ANALYSES;

    /** Returns the payload text of this kind. */
    public String payload() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the kind a payload names, or {@code null} for a payload of a newer version. */
    public static Kind fromPayload(String payload) {
      for (Kind kind : values()) {
        if (kind.payload().equals(payload)) {
          return kind;
        }
      }
      return null;
    }
  }

  private ChangeNotices() {}

  /** Queues a notice in the connection's open transaction; does nothing on H2. */
  public static void send(Connection connection, DatabaseVendor vendor, Kind kind) throws SQLException {
    if (vendor != DatabaseVendor.POSTGRESQL) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      statement.setString(1, CHANNEL);
      statement.setString(2, kind.payload());
      statement.execute();
    }
  }
}
