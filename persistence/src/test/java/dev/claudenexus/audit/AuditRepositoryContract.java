package dev.claudenexus.audit;

import static dev.claudenexus.audit.AuditEvents.at;
import static dev.claudenexus.audit.AuditEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, keyset pages, repeated inserts and retention of {@code audit_events}. */
abstract class AuditRepositoryContract {

  private static final OffsetDateTime NOON = utc("2026-03-01T12:00:00Z");

  private TestDatabase database;
  private AuditRepository repository;

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
    DatabaseVendor vendor = SchemaMigrator.migrate(database.dataSource());
    repository = new AuditRepository(database.dataSource(), vendor);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    // Without NEXUS_TEST_DATABASE_URL the PostgreSQL subclass is skipped before it opens a database.
    if (database != null) {
      database.close();
    }
  }

  private static AuditQuery all(int limit) {
    return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), limit);
  }

  private static List<UUID> ids(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::eventId).toList();
  }

  @Test
  void filtersCombine() throws SQLException {
    AuditEvent aliceView = at(NOON, "alice", AuditAction.REQUEST_VIEW, "r-1");
    AuditEvent aliceLogin = at(NOON.plusMinutes(1), "alice", AuditAction.LOGIN, null);
    AuditEvent bobView = at(NOON.plusMinutes(2), "bob", AuditAction.REQUEST_VIEW, "r-1");
    AuditEvent bobLater = at(NOON.plusHours(3), "bob", AuditAction.CONVERSATION_VIEW, "c-9");
    repository.insert(List.of(aliceView, aliceLogin, bobView, bobLater));

    AuditQuery byUser = new AuditQuery(Optional.of("alice"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 10);
    assertEquals(ids(List.of(aliceLogin, aliceView)), ids(repository.find(byUser)));

    AuditQuery byAction = new AuditQuery(Optional.empty(), Optional.of(AuditAction.REQUEST_VIEW),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10);
    assertEquals(ids(List.of(bobView, aliceView)), ids(repository.find(byAction)));

    AuditQuery byTarget = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("c-9"), Optional.empty(), 10);
    assertEquals(ids(List.of(bobLater)), ids(repository.find(byTarget)));

    AuditQuery byTime = new AuditQuery(Optional.empty(), Optional.empty(),
        Optional.of(NOON.plusMinutes(1)), Optional.of(NOON.plusMinutes(2)), Optional.empty(),
        Optional.empty(), 10);
    assertEquals(ids(List.of(aliceLogin)), ids(repository.find(byTime)), "from is inclusive, to is not");

    AuditQuery userAndAction = new AuditQuery(Optional.of("bob"),
        Optional.of(AuditAction.REQUEST_VIEW), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 10);
    assertEquals(ids(List.of(bobView)), ids(repository.find(userAndAction)));
  }

  @Test
  void keysetPagesVisitEachEventOnce() throws SQLException {
    List<AuditEvent> events = new ArrayList<>();
    // Groups of events with the same time, so pages must break ties by event id.
    for (int i = 0; i < 23; i++) {
      events.add(at(NOON.plusSeconds(i / 4), "user", AuditAction.LOGIN, "t-" + i));
    }
    repository.insert(events);

    List<UUID> seen = new ArrayList<>();
    AuditQuery query = all(5);
    List<AuditEvent> page;
    do {
      page = repository.find(query);
      seen.addAll(ids(page));
      if (!page.isEmpty()) {
        query = query.after(AuditQuery.Position.of(page.get(page.size() - 1)));
      }
    } while (page.size() == 5);

    assertEquals(events.size(), seen.size());
    assertEquals(events.size(), seen.stream().distinct().count());
    List<AuditEvent> whole = repository.find(all(100));
    assertEquals(ids(whole), seen, "pages in the order of one whole read");
  }

  @Test
  void repeatedInsertKeepsOneRow() throws SQLException {
    AuditEvent event = at(NOON, "alice", AuditAction.LOGOUT, null);

    repository.insert(List.of(event));
    repository.insert(List.of(event, event));

    assertEquals(1, repository.count());
  }

  @Test
  void hostileValuesAreStoredSafely() throws SQLException {
    String longUser = "u".repeat(10_000);
    AuditEvent event = new AuditEvent(UUID.randomUUID(), NOON, longUser + "\u0000",
        "dashboard-key", AuditAction.REQUEST_VIEW, "id\u0000'; DROP TABLE audit_events; --", 200,
        "x".repeat(500), "dashboard:3001");

    repository.insert(List.of(event));

    AuditEvent stored = repository.find(all(1)).get(0);
    assertEquals(AuditEvent.MAX_USER, stored.userName().length());
    assertEquals("id\uFFFD'; DROP TABLE audit_events; --", stored.targetId());
    assertEquals(AuditEvent.MAX_ADDRESS, stored.clientAddress().length());
  }

  @Test
  void retentionDeletesOnlyOldEvents() throws Exception {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    List<AuditEvent> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(at(utc("2025-01-01T00:00:00Z").plusHours(i), "old", AuditAction.LOGIN, null));
    }
    AuditEvent recent = at(utc("2026-05-31T00:00:00Z"), "new", AuditAction.LOGIN, null);
    repository.insert(old);
    repository.insert(List.of(recent));

    long deleted = new AuditRetention(repository, 30, 2, Duration.ZERO).run(now, () -> true);

    assertEquals(5, deleted);
    assertEquals(ids(List.of(recent)), ids(repository.find(all(10))));
  }

  @Test
  void retentionStopsWhenAsked() throws Exception {
    for (int i = 0; i < 5; i++) {
      repository.insert(List.of(at(utc("2020-01-01T00:00:00Z").plusHours(i), "old",
          AuditAction.LOGIN, null)));
    }

    long deleted = new AuditRetention(repository, 30, 2, Duration.ZERO)
        .run(Instant.parse("2026-06-01T00:00:00Z"), () -> false);

    assertEquals(2, deleted, "one batch, then it stops");
    assertEquals(3, repository.count());
  }
}
