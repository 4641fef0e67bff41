/**
 * The audit page {@code /dashboard/audit}: the audit trail for admins, filtered by user, action,
 * time range and id, paged by keyset, with a CSV export of the same filters.
 */
package dev.claudenexus.dashboard.pages.audit;
