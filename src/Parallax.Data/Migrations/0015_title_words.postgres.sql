-- SQLite gets an index of the titles' words here; PostgreSQL has had one since step 14 (articles_title_search). The
-- step exists so both databases count the same schema version.
SELECT 1;
