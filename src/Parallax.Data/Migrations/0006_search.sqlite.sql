-- Full-text search over titles and bodies: an FTS5 index whose content is the articles table itself
-- (filled by the writer in the same transaction as the article; articles are never edited or deleted).
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
