-- Covering indexes for the /api queries that read a time range of all requests, of one domain or of
-- one account, and sum a few columns of it: statistics, token usage, hourly usage and costs. With
-- those columns in the index (INCLUDE), PostgreSQL runs them as index-only scans. It then reads no
-- table page, which holds only two or three requests of a few KB each. docs/benchmarks.md has the
-- times at 1,000,000 rows before and after. Each index replaces one with the same key columns, so an
-- insert still updates as many indexes as before, only wider ones.
CREATE INDEX IF NOT EXISTS idx_api_requests_timestamp_usage ON api_requests(timestamp)
    INCLUDE (domain, account_id, model, input_tokens, output_tokens, cache_creation_input_tokens,
             cache_read_input_tokens, cost_usd);
DROP INDEX IF EXISTS idx_requests_timestamp;

CREATE INDEX IF NOT EXISTS idx_api_requests_domain_timestamp_usage ON api_requests(domain, timestamp)
    INCLUDE (account_id, model, input_tokens, output_tokens, cache_creation_input_tokens,
             cache_read_input_tokens, total_tokens, cost_usd, conversation_id, branch_id);
DROP INDEX IF EXISTS idx_api_requests_domain_timestamp;

CREATE INDEX IF NOT EXISTS idx_api_requests_account_timestamp_usage
    ON api_requests(account_id, timestamp DESC)
    INCLUDE (domain, model, input_tokens, output_tokens, cache_creation_input_tokens,
             cache_read_input_tokens, total_tokens, cost_usd, conversation_id, branch_id)
    WHERE account_id IS NOT NULL;
DROP INDEX IF EXISTS idx_api_requests_account_timestamp;

-- Statistics on the time-bucket expressions that the /api queries group by: minutes, hours and days,
-- written exactly as TimeBuckets.bucketNumber writes them. Without them PostgreSQL expects one group
-- per row, so it sorts every row of the range, on disk beyond work_mem, instead of summing the few
-- thousand buckets in a hash table. Statistics on expressions exist from PostgreSQL 14 on, so older
-- servers skip them and only plan these queries worse.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 140000 THEN
    EXECUTE 'CREATE STATISTICS IF NOT EXISTS api_requests_minute_bucket'
        || ' ON (CAST(FLOOR(EXTRACT(EPOCH FROM timestamp) / 60) AS BIGINT)) FROM api_requests';
    EXECUTE 'CREATE STATISTICS IF NOT EXISTS api_requests_hour_bucket'
        || ' ON (CAST(FLOOR(EXTRACT(EPOCH FROM timestamp) / 3600) AS BIGINT)) FROM api_requests';
    EXECUTE 'CREATE STATISTICS IF NOT EXISTS api_requests_day_bucket'
        || ' ON (CAST(FLOOR(EXTRACT(EPOCH FROM timestamp) / 86400) AS BIGINT)) FROM api_requests';
  END IF;
END
$$;
ANALYZE api_requests;
