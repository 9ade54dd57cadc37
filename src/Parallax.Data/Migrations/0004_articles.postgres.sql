-- Articles, ids in arrival order (the session replays them in this order when the store is opened).
-- copy_of points at the root original (never itself a copy); copy_kind: Duplicate, NearDuplicate, Republication, SpunCopy.
-- source_name is the publisher as extraction found it; boilerplate is a JSON array of the removed blocks.
CREATE TABLE articles (
    id BIGINT PRIMARY KEY,
    source_id BIGINT NOT NULL REFERENCES sources (id),
    source_name TEXT,
    item_id BIGINT REFERENCES ingest_items (id),
    url TEXT,
    path TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published BIGINT,
    fetched BIGINT NOT NULL,
    text TEXT NOT NULL,
    boilerplate TEXT NOT NULL,
    language TEXT,
    spin_score DOUBLE PRECISION NOT NULL,
    spun BIGINT NOT NULL,
    restored_text TEXT,
    copy_of BIGINT REFERENCES articles (id),
    copy_kind TEXT,
    copy_similarity DOUBLE PRECISION,
    original_publisher TEXT,
    story_id BIGINT NOT NULL REFERENCES stories (id),
    partial BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX articles_story ON articles (story_id, fetched);
CREATE INDEX articles_source ON articles (source_id, fetched);
CREATE INDEX articles_copy_of ON articles (copy_of);
CREATE INDEX articles_url ON articles (url);
