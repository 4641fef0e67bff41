package dev.claudenexus.api.hourly;

import java.time.OffsetDateTime;

/** The count of one domain in the UTC hour that starts at {@code hour}. */
public record HourlyCount(String domain, OffsetDateTime hour, long count) {}
