/**
 * {@code GET /api/costs}: sums of the cost the storage writer stored with each request, grouped by any
 * of day, account, domain and model over a range of UTC days. Requests of models without a price have
 * no stored cost; they are counted as unpriced, never as free.
 */
package dev.claudenexus.api.costs;
