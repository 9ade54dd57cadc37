-- Stories, numbered by the engine session (its story number + 1). A merged story keeps its row and address,
-- with merged_into naming the story that absorbed it. Title and counts are kept up to date by every write.
CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    first_seen BIGINT NOT NULL,
    last_updated BIGINT NOT NULL,
    article_count BIGINT NOT NULL DEFAULT 0,
    source_count BIGINT NOT NULL DEFAULT 0,
    merged_into BIGINT REFERENCES stories (id),
    coverage TEXT
);
CREATE INDEX stories_last_updated ON stories (last_updated);
CREATE INDEX stories_source_count ON stories (source_count, last_updated);
