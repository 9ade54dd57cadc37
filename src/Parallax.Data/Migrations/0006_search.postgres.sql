-- Full-text search over titles and bodies: a generated tsvector with a GIN index. The 'simple' configuration
-- (no stemming) suits every language alike; the body is cut at 200,000 characters to stay within tsvector's limit.
ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || left(text, 200000))) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
