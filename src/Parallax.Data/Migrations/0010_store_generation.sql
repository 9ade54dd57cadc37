-- The store's change counter: one row, bumped inside every write transaction that changes what readers see (articles,
-- stories and their relations and coverage, sources and their feed state). A reader (the web process's cache of
-- rendered pages) compares it to what it saw before: unchanged means nothing it shows has changed, in any process.
-- Updated in place, not drawn from a sequence, so that the new value becomes visible exactly when the write commits.
CREATE TABLE store_generation (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO store_generation (id, generation) VALUES (1, 1);
