/**
 * The audit trail of {@code /api/*} and the dashboard: {@link dev.claudenexus.api.audit.AuditTrail}
 * records views of stored prompts, conversations and analyses, writes, and logins on the caller's
 * thread into a local journal, and {@code GET /api/audit} (JSON or CSV) lets admins read it. Only the
 * admin role may read the trail, and never in read-only mode, because it names every user.
 */
package dev.claudenexus.api.audit;
