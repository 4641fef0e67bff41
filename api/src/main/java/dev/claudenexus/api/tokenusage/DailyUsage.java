package dev.claudenexus.api.tokenusage;

import java.time.LocalDate;

/** Usage of one UTC day and domain, and of one model unless the days were aggregated over models. */
public record DailyUsage(LocalDate date, String domain, String model, UsageTotals totals) {}
