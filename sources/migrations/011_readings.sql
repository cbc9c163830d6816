-- Readings: what each article says about the pairs of countries it is
-- tagged with, read at ingest (or later, by `attache reindex` or at the
-- bot's start) so that a year's timeline of a pair reads a few hundred
-- small rows instead of every article's text.
--
-- article_readings says which version of the reader's rules read each
-- article (an article without a row, or read by another version, is read
-- again) and which pairs it has rows for, so that they can be removed
-- when the article changes.
CREATE TABLE article_readings (
    article_id INTEGER PRIMARY KEY,
    version    INTEGER NOT NULL,
    pairs      TEXT    NOT NULL DEFAULT ''
);

-- One row per article and pair it is about: the pair ("IT,JP"), the
-- version that read it, how much the article is about the pair, and the
-- reader's record of what its sentences about the pair say. Beside them,
-- what a timeline shows of the article (its story, sample flag, date,
-- title, URL and outlet), so that a pair's timeline reads this table
-- alone: in the articles table these lie beside, or after, the text.
CREATE TABLE pair_readings (
    pair       TEXT    NOT NULL,
    article_id INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    story_id   INTEGER NOT NULL,
    sample     INTEGER NOT NULL DEFAULT 0,
    published  INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    strength   REAL    NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (pair, article_id)
) WITHOUT ROWID;

-- The seal: the version that has read every stored article, when one
-- has (at most one row). While it holds, a request for a pair's readings
-- by that version need not look for unread articles. Any write that
-- stores an article not read by it breaks the seal.
CREATE TABLE reading_seal (
    version INTEGER NOT NULL
);
