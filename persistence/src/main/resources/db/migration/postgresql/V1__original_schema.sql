-- The original product's schema (api_requests and streaming_chunks with every index it created),
-- so that a database written by the original can be baselined at this version and migrated forward.
CREATE TABLE IF NOT EXISTS api_requests (
    request_id UUID PRIMARY KEY,
    domain VARCHAR(255) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    method VARCHAR(10) NOT NULL,
    path VARCHAR(255) NOT NULL,
    headers JSONB,
    body JSONB,
    api_key_hash VARCHAR(50),
    model VARCHAR(100),
    request_type VARCHAR(50),
    response_status INTEGER,
    response_headers JSONB,
    response_body JSONB,
    response_streaming BOOLEAN DEFAULT false,
    input_tokens INTEGER DEFAULT 0,
    output_tokens INTEGER DEFAULT 0,
    total_tokens INTEGER DEFAULT 0,
    cache_creation_input_tokens INTEGER DEFAULT 0,
    cache_read_input_tokens INTEGER DEFAULT 0,
    usage_data JSONB,
    first_token_ms INTEGER,
    duration_ms INTEGER,
    error TEXT,
    tool_call_count INTEGER DEFAULT 0,
    current_message_hash CHAR(64),
    parent_message_hash CHAR(64),
    conversation_id UUID,
    branch_id VARCHAR(255) DEFAULT 'main',
    message_count INTEGER DEFAULT 0,
    parent_task_request_id UUID REFERENCES api_requests(request_id),
    is_subtask BOOLEAN DEFAULT false,
    task_tool_invocation JSONB,
    account_id VARCHAR(255),
    parent_request_id UUID REFERENCES api_requests(request_id),
    system_hash VARCHAR(64),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT chk_parent_request_not_self CHECK (parent_request_id != request_id)
);

CREATE INDEX IF NOT EXISTS idx_requests_domain ON api_requests(domain);
CREATE INDEX IF NOT EXISTS idx_requests_timestamp ON api_requests(timestamp);
CREATE INDEX IF NOT EXISTS idx_requests_model ON api_requests(model);
CREATE INDEX IF NOT EXISTS idx_requests_request_type ON api_requests(request_type);
CREATE INDEX IF NOT EXISTS idx_requests_conversation_id ON api_requests(conversation_id);
CREATE INDEX IF NOT EXISTS idx_requests_branch_id ON api_requests(branch_id);
CREATE INDEX IF NOT EXISTS idx_requests_conversation_branch ON api_requests(conversation_id, branch_id);
CREATE INDEX IF NOT EXISTS idx_requests_message_count ON api_requests(message_count);
CREATE INDEX IF NOT EXISTS idx_requests_parent_hash ON api_requests(parent_message_hash);
CREATE INDEX IF NOT EXISTS idx_requests_current_hash ON api_requests(current_message_hash);
CREATE INDEX IF NOT EXISTS idx_requests_account_id ON api_requests(account_id);
CREATE INDEX IF NOT EXISTS idx_requests_conversation_timestamp_id
    ON api_requests(conversation_id, timestamp DESC, request_id DESC) WHERE conversation_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_requests_conversation_subtask
    ON api_requests(conversation_id, is_subtask, timestamp, request_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_requests_request_id ON api_requests(request_id);
CREATE INDEX IF NOT EXISTS idx_requests_parent_request_id ON api_requests(parent_request_id);
CREATE INDEX IF NOT EXISTS idx_requests_system_hash ON api_requests(system_hash);
CREATE INDEX IF NOT EXISTS idx_requests_parent_task_request_id ON api_requests(parent_task_request_id);
CREATE INDEX IF NOT EXISTS idx_requests_is_subtask ON api_requests(is_subtask);
CREATE INDEX IF NOT EXISTS idx_requests_task_tool_invocation_gin
    ON api_requests USING GIN (task_tool_invocation) WHERE task_tool_invocation IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_api_requests_account_timestamp
    ON api_requests(account_id, timestamp DESC) WHERE account_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_api_requests_response_body_gin ON api_requests USING GIN (response_body);
CREATE INDEX IF NOT EXISTS idx_api_requests_domain_timestamp_response
    ON api_requests(domain, timestamp DESC) WHERE response_body IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_api_requests_conversation_timestamp
    ON api_requests(conversation_id, timestamp);
CREATE INDEX IF NOT EXISTS idx_api_requests_subtask_branch_timestamp
    ON api_requests(conversation_id, timestamp) WHERE branch_id LIKE 'subtask_%';

CREATE TABLE IF NOT EXISTS streaming_chunks (
    id SERIAL PRIMARY KEY,
    request_id UUID NOT NULL REFERENCES api_requests(request_id) ON DELETE CASCADE,
    chunk_index INTEGER NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    data TEXT NOT NULL,
    token_count INTEGER DEFAULT 0,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(request_id, chunk_index)
);

CREATE INDEX IF NOT EXISTS idx_chunks_request_id ON streaming_chunks(request_id);
