-- AI analyses of conversations and their audit log. The original product created the same enum,
-- trigger and tables, so each statement skips what a database written by it already has. The last
-- columns are ours: the worker that claimed a row, when a failed attempt may run again, and the cost.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'conversation_analysis_status') THEN
        CREATE TYPE conversation_analysis_status AS ENUM ('pending', 'processing', 'completed', 'failed');
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION trigger_set_timestamp() RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS conversation_analyses (
    id BIGSERIAL PRIMARY KEY,
    conversation_id UUID NOT NULL,
    branch_id VARCHAR(255) NOT NULL DEFAULT 'main',
    status conversation_analysis_status NOT NULL DEFAULT 'pending',
    model_used VARCHAR(255) DEFAULT 'gemini-2.5-pro',
    analysis_content TEXT,
    analysis_data JSONB,
    raw_response JSONB,
    error_message TEXT,
    retry_count INTEGER DEFAULT 0,
    generated_at TIMESTAMPTZ,
    processing_duration_ms INTEGER,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    completed_at TIMESTAMPTZ,
    custom_prompt TEXT,
    UNIQUE (conversation_id, branch_id)
);

ALTER TABLE conversation_analyses ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(255);
ALTER TABLE conversation_analyses ADD COLUMN IF NOT EXISTS next_attempt_at TIMESTAMPTZ;
ALTER TABLE conversation_analyses ADD COLUMN IF NOT EXISTS cost_usd NUMERIC(14, 6);

DROP TRIGGER IF EXISTS set_timestamp_on_conversation_analyses ON conversation_analyses;
CREATE TRIGGER set_timestamp_on_conversation_analyses
    BEFORE UPDATE ON conversation_analyses
    FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();

CREATE INDEX IF NOT EXISTS idx_conversation_analyses_status
    ON conversation_analyses (status) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS idx_conversation_analyses_conversation
    ON conversation_analyses (conversation_id, branch_id);
CREATE INDEX IF NOT EXISTS idx_conversation_analyses_has_custom_prompt
    ON conversation_analyses ((custom_prompt IS NOT NULL));
-- The daily cost cap sums the cost of the analyses completed since midnight UTC.
CREATE INDEX IF NOT EXISTS idx_conversation_analyses_completed_at
    ON conversation_analyses (completed_at) WHERE completed_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS analysis_audit_log (
    id SERIAL PRIMARY KEY,
    event_type VARCHAR(50) NOT NULL,
    outcome VARCHAR(50) NOT NULL,
    conversation_id UUID NOT NULL,
    branch_id VARCHAR(255) NOT NULL,
    domain VARCHAR(255) NOT NULL,
    request_id VARCHAR(255) NOT NULL,
    user_context JSONB DEFAULT '{}',
    metadata JSONB DEFAULT '{}',
    timestamp TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_analysis_audit_conversation ON analysis_audit_log (conversation_id, branch_id);
CREATE INDEX IF NOT EXISTS idx_analysis_audit_domain ON analysis_audit_log (domain);
CREATE INDEX IF NOT EXISTS idx_analysis_audit_timestamp ON analysis_audit_log (timestamp);
CREATE INDEX IF NOT EXISTS idx_analysis_audit_event_type ON analysis_audit_log (event_type);
