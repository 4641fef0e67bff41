-- Conversation linking: the hash mode of each row, the client's session id, a flag on responses that
-- hold a conversation summary (parents of compacted conversations) and the sub-agent launches, looked
-- up by a hash of their prompt.
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS hash_mode VARCHAR(10);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS session_id VARCHAR(255);
ALTER TABLE api_requests ADD COLUMN IF NOT EXISTS summary_response BOOLEAN DEFAULT false;

-- Rows written by the original product carry its hashes.
UPDATE api_requests SET hash_mode = 'original'
    WHERE hash_mode IS NULL AND (current_message_hash IS NOT NULL OR conversation_id IS NOT NULL);

-- Compaction parents are searched for 7 days back, so only that window needs the flag.
UPDATE api_requests SET summary_response = true
    WHERE timestamp > now() - INTERVAL '7 days'
      AND response_body IS NOT NULL
      AND position('<summary>' IN lower(response_body::text)) > 0;

CREATE INDEX IF NOT EXISTS idx_api_requests_domain_current_hash
    ON api_requests(domain, current_message_hash, timestamp DESC) WHERE current_message_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_api_requests_domain_parent_hash
    ON api_requests(domain, parent_message_hash, timestamp) WHERE parent_message_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_api_requests_summary_responses
    ON api_requests(domain, timestamp DESC) WHERE summary_response;
CREATE INDEX IF NOT EXISTS idx_api_requests_session_id
    ON api_requests(session_id, timestamp) WHERE session_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS task_invocations (
    request_id UUID NOT NULL REFERENCES api_requests(request_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    domain VARCHAR(255) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    tool_use_id VARCHAR(255),
    tool_name VARCHAR(50) NOT NULL,
    prompt_hash CHAR(64) NOT NULL,
    prompt TEXT NOT NULL,
    PRIMARY KEY (request_id, ordinal)
);
CREATE INDEX IF NOT EXISTS idx_task_invocations_prompt
    ON task_invocations(domain, prompt_hash, timestamp);

-- Sub-agent requests are matched for 24 hours after the launch, so launches of the last day are
-- copied from the original's response bodies. The prompt key is the SHA-256 of the trimmed prompt.
INSERT INTO task_invocations
    (request_id, ordinal, domain, timestamp, tool_use_id, tool_name, prompt_hash, prompt)
SELECT r.request_id,
       row_number() OVER (PARTITION BY r.request_id ORDER BY block.position),
       r.domain, r.timestamp, block.value->>'id', block.value->>'name',
       encode(sha256(convert_to(btrim(block.value->'input'->>'prompt', E' \t\n\r'), 'UTF8')), 'hex'),
       block.value->'input'->>'prompt'
FROM api_requests r
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.response_body->'content') = 'array'
         THEN r.response_body->'content' ELSE '[]'::jsonb END) WITH ORDINALITY AS block(value, position)
WHERE r.timestamp > now() - INTERVAL '1 day'
  AND block.value->>'type' = 'tool_use'
  AND block.value->>'name' IN ('Task', 'Agent')
  AND jsonb_typeof(block.value->'input'->'prompt') = 'string'
ON CONFLICT DO NOTHING;

-- Tells at start-up, without a scan, whether rows of the original product remain to be linked.
CREATE INDEX IF NOT EXISTS idx_api_requests_original_rows
    ON api_requests(timestamp) WHERE hash_mode = 'original';
