-- The newest OAuth token pair of each domain, encrypted, shared by every proxy instance on this
-- database. Refresh tokens rotate, so a refresh must start from the pair stored here.
CREATE TABLE IF NOT EXISTS oauth_tokens (
    domain VARCHAR(255) PRIMARY KEY,
    encrypted_tokens TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
