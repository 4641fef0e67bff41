package dev.claudenexus.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.analysis.AnalysisStatus;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AnalysisJobCountsTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger queries = new AtomicInteger();

  @Test
  void oneQueryServesEveryStatus() {
    AnalysisJobCounts counts = new AnalysisJobCounts(() -> {
      queries.incrementAndGet();
      return Map.of(AnalysisStatus.PENDING, 3L, AnalysisStatus.FAILED, 1L);
    }, clock::get);

    assertEquals(3, counts.count(AnalysisStatus.PENDING));
    assertEquals(1, counts.count(AnalysisStatus.FAILED));
    assertEquals(0, counts.count(AnalysisStatus.COMPLETED));
    assertEquals(1, queries.get());
  }

  @Test
  void countsReadAgainAfterMaxAge() {
    AnalysisJobCounts counts = new AnalysisJobCounts(() -> {
      queries.incrementAndGet();
      return Map.of(AnalysisStatus.PENDING, (long) queries.get());
    }, clock::get);

    assertEquals(1, counts.count(AnalysisStatus.PENDING));
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(AnalysisJobCounts.MAX_AGE_MS + 1));
    assertEquals(2, counts.count(AnalysisStatus.PENDING));
  }

  @Test
  void databaseFailureKeepsLastCounts() {
    AtomicInteger calls = new AtomicInteger();
    AnalysisJobCounts counts = new AnalysisJobCounts(() -> {
      if (calls.incrementAndGet() > 1) {
        throw new SQLException("connection refused");
      }
      return Map.of(AnalysisStatus.COMPLETED, 7L);
    }, clock::get);

    assertEquals(7, counts.count(AnalysisStatus.COMPLETED));
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(AnalysisJobCounts.MAX_AGE_MS + 1));
    assertEquals(7, counts.count(AnalysisStatus.COMPLETED));
    assertEquals(2, calls.get());
  }
}
