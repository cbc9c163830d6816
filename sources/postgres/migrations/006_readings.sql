-- Readings: what each article says about the pairs of countries it is
-- tagged with, read at ingest (or later, by `attache reindex` or at the
-- bot's start) so that a year's timeline of a pair reads a few hundred
-- small rows instead of every article's text. The same tables as the
-- SQLite engine's (its migration 011).
--
-- article_readings says which version of the reader's rules read each
-- article (an article without a row, or read by another version, is read
-- again) and which pairs it has rows for ("IT,JP CN,US").
CREATE TABLE article_readings (
    article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version    bigint NOT NULL,
    pairs      text   NOT NULL DEFAULT ''
);

-- One row per article and pair it is about: the pair ("IT,JP"), the
-- version that read it, how much the article is about the pair, and the
-- reader's record of what its sentences about the pair say; beside them,
-- what a timeline shows of the article, so that a pair's timeline reads
-- this table alone.
CREATE TABLE pair_readings (
    pair       text             NOT NULL,
    article_id bigint           NOT NULL,
    version    bigint           NOT NULL,
    story_id   bigint           NOT NULL,
    sample     boolean          NOT NULL DEFAULT false,
    published  bigint           NOT NULL,
    title      text             NOT NULL,
    url        text             NOT NULL,
    source     text             NOT NULL,
    strength   double precision NOT NULL,
    data       bytea            NOT NULL,
    PRIMARY KEY (pair, article_id)
);

-- The seal: the version that has read every stored article, when one
-- has (at most one row). While it holds, a request for a pair's readings
-- by that version need not look for unread articles. Any write that
-- stores an article not read by it breaks the seal.
CREATE TABLE reading_seal (
    version bigint NOT NULL
);
