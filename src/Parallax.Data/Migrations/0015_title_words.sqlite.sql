-- Search puts articles whose title has every word first. Asked of articles_fts as `title : (...)`, FTS5 reads the
-- positions of every newer match of the words to find the few in a title (a two-word search at 1,000,000 articles
-- took 2-10 ms); an index of the titles alone answers it from the titles' own, short word lists. Filled by the writer
-- with articles_fts, in the article's transaction.
CREATE VIRTUAL TABLE titles_fts USING fts5 (title, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO titles_fts (titles_fts) VALUES ('rebuild');
