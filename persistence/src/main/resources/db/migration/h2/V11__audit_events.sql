-- The audit trail: one row per view of a stored request body, conversation or analysis, per write
-- (analysis requested, Spark feedback sent, MCP sync triggered) and per login, logout or failed login.
-- event_id is created with the event, so a replay of the local journal that repeats an event finds
-- its row and adds no second one. outcome is the HTTP status the caller got.
CREATE TABLE IF NOT EXISTS audit_events (
    event_id UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    auth_method VARCHAR(50) NOT NULL,
    action VARCHAR(50) NOT NULL,
    target_id VARCHAR(255),
    outcome INTEGER NOT NULL,
    client_address VARCHAR(100),
    service VARCHAR(100) NOT NULL
);

-- Pages are read newest first by (occurred_at, event_id); each filter has an index that ends in the
-- same order, and retention deletes by occurred_at.
CREATE INDEX IF NOT EXISTS idx_audit_events_time ON audit_events (occurred_at, event_id);
CREATE INDEX IF NOT EXISTS idx_audit_events_user ON audit_events (user_name, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS idx_audit_events_action ON audit_events (action, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS idx_audit_events_target ON audit_events (target_id, occurred_at, event_id);
