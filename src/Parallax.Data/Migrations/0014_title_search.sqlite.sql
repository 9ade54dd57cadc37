-- Search puts articles whose title has every word first. The FTS5 index already keeps the title as its own column
-- ({title} : ...), so SQLite needs nothing new; the step exists so both databases count the same schema version.
SELECT 1;
