-- The sentence embedding the story cascade computed for an article's passage (title and lead), when it computed one
-- (about one article in twenty): float32 little-endian, the model's dimensions (384 for arctic-embed-xs, 1,536 bytes).
-- Replaying the store gives it back to the session instead of calling the model again, so opening a store costs no
-- model calls for what was embedded before; NULL (older rows, or never embedded) is computed as before when needed.
-- Full precision, not half: the replay must decide exactly as the ingest did.
ALTER TABLE articles ADD COLUMN embedding BYTEA;
