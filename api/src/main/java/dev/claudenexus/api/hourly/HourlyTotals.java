package dev.claudenexus.api.hourly;

import java.time.OffsetDateTime;

/** The requests and output tokens of one domain in the UTC hour that starts at {@code hour}. */
public record HourlyTotals(String domain, OffsetDateTime hour, long requests, long outputTokens) {}
