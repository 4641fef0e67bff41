-- Indexes for the /api queries; see the PostgreSQL migration of the same version. H2 also gets the
-- (conversation_id, timestamp, request_id) index that finds the latest request of a conversation,
-- which PostgreSQL has had since the first version.
CREATE INDEX IF NOT EXISTS idx_api_requests_domain_timestamp ON api_requests(domain, timestamp);
CREATE INDEX IF NOT EXISTS idx_api_requests_conversation_latest
    ON api_requests(conversation_id, timestamp, request_id);
