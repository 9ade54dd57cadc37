-- Publishers, with the feed polled for each (null for sources met only through imported pages).
-- Times are milliseconds since 1970-01-01 UTC in every table.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    site_url TEXT,
    feed_url TEXT UNIQUE,
    added BIGINT NOT NULL,
    next_check BIGINT,
    last_checked BIGINT,
    etag TEXT,
    last_modified TEXT,
    last_error TEXT,
    last_error_at BIGINT,
    error_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sources_name ON sources (lower(name));
CREATE INDEX sources_next_check ON sources (next_check);
