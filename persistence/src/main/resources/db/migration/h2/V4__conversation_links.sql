-- Conversation linking: the hash mode of each row, the client's session id, a flag on responses that
-- hold a conversation summary (parents of compacted conversations) and the sub-agent launches, looked
-- up by a hash of their prompt.
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS hash_mode VARCHAR(10);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS session_id VARCHAR(255);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS summary_response BOOLEAN DEFAULT false;

CREATE INDEX IF NOT EXISTS idx_api_requests_domain_current_hash
    ON api_requests(domain, current_message_hash, timestamp);
CREATE INDEX IF NOT EXISTS idx_api_requests_domain_parent_hash
    ON api_requests(domain, parent_message_hash, timestamp);
CREATE INDEX IF NOT EXISTS idx_api_requests_summary_responses
    ON api_requests(domain, summary_response, timestamp);
CREATE INDEX IF NOT EXISTS idx_api_requests_session_id ON api_requests(session_id, timestamp);

CREATE TABLE IF NOT EXISTS task_invocations (
    request_id UUID NOT NULL REFERENCES api_requests(request_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    domain VARCHAR(255) NOT NULL,
    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    tool_use_id VARCHAR(255),
    tool_name VARCHAR(50) NOT NULL,
    prompt_hash CHAR(64) NOT NULL,
    prompt CLOB NOT NULL,
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX IF NOT EXISTS idx_task_invocations_prompt
    ON task_invocations(domain, prompt_hash, timestamp);
