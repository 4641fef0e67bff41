package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStore;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The daily cost cap: once the analyses completed since midnight UTC have cost
 * {@code AI_ANALYSIS_MAX_COST_USD_PER_DAY}, no more are claimed until the next UTC day. The log reports
 * it once per day and instance.
 *
 * <p>NOTE: the cap is checked before each claim, so analyses already in flight may spend up to
 * {@code AI_WORKER_MAX_CONCURRENT_JOBS} more per instance. A regenerated analysis no longer counts
 * its earlier cost, because the sum reads the completed rows.
 */
public final class CostCap {

  private static final Logger LOG = Logger.getLogger(CostCap.class.getName());
  private static final AtomicReference<LocalDate> LOGGED = new AtomicReference<>();

  private CostCap() {}

  /** Returns the amount spent today when the cap is reached, else empty (also without a cap). */
  public static Optional<BigDecimal> reached(AnalysisSettings settings, AnalysisStore store)
      throws SQLException {
    if (settings.maxCostPerDay().isEmpty()) {
      return Optional.empty();
    }
    BigDecimal cap = settings.maxCostPerDay().get();
    BigDecimal spent = store.costSince(startOfToday());
    if (spent.compareTo(cap) < 0) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (!today.equals(LOGGED.getAndSet(today))) {
      LOG.warning(() -> "The daily cost cap of " + cap + " USD (AI_ANALYSIS_MAX_COST_USD_PER_DAY) is"
          + " reached: analyses completed today cost " + spent + " USD. Pending analyses wait until"
          + " midnight UTC; raise the setting to continue today.");
    }
    return Optional.of(spent);
  }

  /** Returns midnight UTC of the current day. */
  public static Instant startOfToday() {
    return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
