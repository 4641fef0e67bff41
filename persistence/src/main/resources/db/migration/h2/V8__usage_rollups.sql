-- Running totals that the dashboard reads instead of summing every request of a long period. The
-- storage writer adds each batch to them in the batch's transaction. The Java migration 8.1 fills
-- them from the rows stored before this version. Keys that are NULL in api_requests are stored as
-- the empty string, because a primary key column cannot be NULL. Readers turn them back into NULL.

-- Requests per UTC hour (hours since the epoch), domain, account, model and request type.
CREATE TABLE IF NOT EXISTS rollup_usage_hours (
    hour_bucket BIGINT NOT NULL,
    domain VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    model VARCHAR(100) NOT NULL,
    request_type VARCHAR(50) NOT NULL,
    request_count BIGINT NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    total_tokens BIGINT NOT NULL,
    cache_creation_input_tokens BIGINT NOT NULL,
    cache_read_input_tokens BIGINT NOT NULL,
    -- NULL while no request of the group has a price, as SUM(cost_usd) over the requests would be.
    cost_usd NUMERIC(24, 10),
    priced_count BIGINT NOT NULL,
    error_count BIGINT NOT NULL,
    duration_ms_sum BIGINT NOT NULL,
    duration_count BIGINT NOT NULL,
    tool_call_count BIGINT NOT NULL,
    -- Requests of the group that are linked into a conversation.
    linked_count BIGINT NOT NULL,
    PRIMARY KEY (hour_bucket, domain, account_id, model, request_type)
);
CREATE INDEX IF NOT EXISTS idx_rollup_usage_hours_account
    ON rollup_usage_hours (account_id, hour_bucket);
CREATE INDEX IF NOT EXISTS idx_rollup_usage_hours_domain
    ON rollup_usage_hours (domain, hour_bucket);

-- Output tokens per UTC minute (minutes since the epoch) and account, for the 5-hour window
-- analyses. header_output_tokens and warning_count count only responses with stored headers.
CREATE TABLE IF NOT EXISTS rollup_output_minutes (
    minute_bucket BIGINT NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    output_tokens BIGINT NOT NULL,
    header_output_tokens BIGINT NOT NULL,
    warning_count BIGINT NOT NULL,
    PRIMARY KEY (minute_bucket, account_id)
);
CREATE INDEX IF NOT EXISTS idx_rollup_output_minutes_account
    ON rollup_output_minutes (account_id, minute_bucket);

-- Requests linked into conversations, per conversation, branch, domain and account: about one row
-- per branch, since a conversation keeps its domain and account. A relink rebuilds the rows of the
-- conversations it changes.
CREATE TABLE IF NOT EXISTS rollup_conversations (
    conversation_id UUID NOT NULL,
    branch_id VARCHAR(255) NOT NULL,
    domain VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    request_count BIGINT NOT NULL,
    total_tokens BIGINT NOT NULL,
    cost_usd NUMERIC(24, 10),
    PRIMARY KEY (conversation_id, branch_id, domain, account_id)
);
CREATE INDEX IF NOT EXISTS idx_rollup_conversations_domain ON rollup_conversations (domain);
CREATE INDEX IF NOT EXISTS idx_rollup_conversations_account ON rollup_conversations (account_id);

-- The conversations of each domain and account, one row each, so counting them needs no DISTINCT
-- over all branches. A conversation never spans domains, since linking looks only within one.
CREATE TABLE IF NOT EXISTS rollup_conversation_accounts (
    conversation_id UUID NOT NULL,
    domain VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (conversation_id, domain, account_id)
);
CREATE INDEX IF NOT EXISTS idx_rollup_conversation_accounts_domain
    ON rollup_conversation_accounts (domain, account_id);
CREATE INDEX IF NOT EXISTS idx_rollup_conversation_accounts_account
    ON rollup_conversation_accounts (account_id);
