-- API tokens for scripts, by the hash of their secret.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created BIGINT NOT NULL,
    last_used BIGINT,
    revoked BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
