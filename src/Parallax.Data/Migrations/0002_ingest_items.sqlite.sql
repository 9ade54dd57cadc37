-- The ingest queue: one row per page, archive record or feed entry, known by its key, whatever its state.
-- state: queued, leased, done, failed. A worker holds a leased item until lease_until; then another may take it.
CREATE TABLE ingest_items (
    id INTEGER PRIMARY KEY,
    item_key TEXT NOT NULL UNIQUE,
    source_id BIGINT REFERENCES sources (id),
    url TEXT,
    path TEXT,
    payload TEXT,
    state TEXT NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    error TEXT,
    articles BIGINT NOT NULL DEFAULT 0,
    leased_by TEXT,
    lease_until BIGINT
);
CREATE INDEX ingest_items_state ON ingest_items (state, lease_until);
CREATE INDEX ingest_items_updated ON ingest_items (updated);
