-- How far the retention cleaner got: per kind of cleaning, the last request it handled, in the
-- order of (timestamp, request_id). A run goes on after it instead of reading cleaned rows again.
CREATE TABLE IF NOT EXISTS retention_progress (
    kind VARCHAR(32) PRIMARY KEY,
    last_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    last_request_id UUID NOT NULL
);
