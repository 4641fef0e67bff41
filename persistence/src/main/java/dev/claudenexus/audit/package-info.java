/**
 * The audit trail: who viewed stored prompts, conversations and analyses, who changed data, and who
 * logged in or out, from which address and through which service. Events go to a local journal first
 * and reach {@code audit_events} in batches on a writer thread, so recording never waits for the
 * database, and a crash or an outage delays events without losing or doubling them.
 */
package dev.claudenexus.audit;
