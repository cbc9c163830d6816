-- The bucket table loses its foreign key and its article index: both cost
-- a B-tree write per bucket at ingest, for deletes that are rare. The
-- store removes an article's buckets itself, from its stored sketch.
CREATE TABLE story_buckets_lean (
    bucket     INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
INSERT INTO story_buckets_lean (bucket, article_id) SELECT bucket, article_id FROM story_buckets;
DROP TABLE story_buckets;
ALTER TABLE story_buckets_lean RENAME TO story_buckets;
