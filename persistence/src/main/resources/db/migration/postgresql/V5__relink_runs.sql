-- Position of each 'bin/nexus relink' run: the last relinked row in (timestamp, request_id) order,
-- written in the same transaction as the batch, so an interrupted run resumes exactly there.
CREATE TABLE IF NOT EXISTS relink_runs (
    id BIGSERIAL PRIMARY KEY,
    hash_mode VARCHAR(10) NOT NULL,
    since TIMESTAMPTZ,
    domain VARCHAR(255),
    last_timestamp TIMESTAMPTZ NOT NULL,
    last_request_id UUID NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
