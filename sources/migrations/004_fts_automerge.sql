-- Let FTS5 merge segments in larger, rarer steps during big ingests.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
