-- Let FTS5 merge less often during ingest.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
