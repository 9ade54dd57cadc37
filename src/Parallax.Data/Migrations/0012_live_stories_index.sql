-- The live stories (not merged away, not emptied), by id: the home page counts them on every change of the store, and
-- without this index the count reads every story row, coverage JSON and all (about 190 ms at 400,000 stories).
CREATE INDEX stories_live ON stories (id) WHERE merged_into IS NULL AND article_count > 0;
