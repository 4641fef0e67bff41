-- The newest OAuth token pair of each domain; see the PostgreSQL migration of the same version.
CREATE TABLE IF NOT EXISTS oauth_tokens (
    domain VARCHAR(255) PRIMARY KEY,
    encrypted_tokens CLOB NOT NULL,
    expires_at BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
