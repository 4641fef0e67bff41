-- State of the GitHub sync of MCP prompts, one row per synced folder (owner/repo@branch:path).
-- locked_by and locked_until form a lease: an instance starts a sync only after it has set them on a
-- row whose lease is free or has run out, so one sync runs at a time across instances.
CREATE TABLE IF NOT EXISTS mcp_sync_state (
    sync_key VARCHAR(512) PRIMARY KEY,
    sync_status VARCHAR(20) NOT NULL,
    last_commit_sha VARCHAR(64),
    last_sync_at TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(2000),
    locked_by VARCHAR(100),
    locked_until TIMESTAMP WITH TIME ZONE
);
