-- Columns this product records beyond the original: cost, the outcome of failed and cut requests,
-- the cache-lifetime breakdown and the query string. api_key_hash contains a 64-character SHA-256 hex.
ALTER TABLE api_requests ALTER COLUMN api_key_hash TYPE VARCHAR(64);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS query_string VARCHAR(2048);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS cost_usd NUMERIC(20, 10);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS cache_creation_5m_input_tokens INTEGER DEFAULT 0;
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS cache_creation_1h_input_tokens INTEGER DEFAULT 0;
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS outcome VARCHAR(30);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS error_type VARCHAR(100);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS upstream_attempts SMALLINT DEFAULT 1;
ALTER TABLE streaming_chunks ADD COLUMN IF NOT EXISTS event_type VARCHAR(100);

CREATE INDEX IF NOT EXISTS idx_api_requests_timestamp_desc ON api_requests(timestamp DESC, request_id DESC);
CREATE INDEX IF NOT EXISTS idx_api_requests_outcome ON api_requests(outcome);
