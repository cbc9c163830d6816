-- Let the full-text index gather 16 MB of new terms in memory before it
-- writes a segment: far fewer segments to merge during large ingests.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
