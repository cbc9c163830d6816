-- A year's trend of a pair counts its readings' tone classes (the first
-- byte of each reading's data) and reads nothing else of them. Read from
-- the table, each of those rows sits on a page of its own (the rows are
-- written in article order, every pair's mixed), so a trend over 5,000
-- readings read 5,000 pages, most of them not in the shared buffers of a
-- large store. The head column, and a primary key index that carries
-- every other column the count needs, let the count be an index-only scan
-- of a few dozen pages. (Carried by the primary key rather than by an
-- index of its own, so that a write still maintains one index.) The
-- column is generated from the data, so every writer (inserts, COPY,
-- migrate) keeps it without knowing of it.
ALTER TABLE pair_readings
    ADD COLUMN head smallint NOT NULL
    GENERATED ALWAYS AS (CASE WHEN length(data) > 0 THEN get_byte(data, 0) ELSE 0 END) STORED;

ALTER TABLE pair_readings
    DROP CONSTRAINT pair_readings_pkey,
    ADD PRIMARY KEY (pair, article_id) INCLUDE (version, sample, story_id, published, strength, head);
