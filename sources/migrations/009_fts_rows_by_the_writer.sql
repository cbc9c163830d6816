-- The store writes a new article's full-text row itself, batch by batch:
-- through this trigger FTS5 flushed its in-memory index to disk at every
-- statement, a third of all ingest time. Deletes and updates keep theirs.
DROP TRIGGER articles_ai;
