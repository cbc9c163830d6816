-- Articles. The id encodes the publication time (unix seconds * 1000 plus a
-- tie-breaker), so that a time window is a rowid range: the country index
-- and the full-text index are both restricted by it without a scan.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL DEFAULT '',
    interval_s    INTEGER NOT NULL,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    added         INTEGER NOT NULL,
    last_attempt  INTEGER NOT NULL DEFAULT 0,
    last_success  INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    next_poll     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feeds_next_poll ON feeds (next_poll);

CREATE TABLE articles (
    id        INTEGER PRIMARY KEY,
    url       TEXT    NOT NULL UNIQUE,
    hash      BLOB    NOT NULL UNIQUE,
    title     TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    byline    TEXT    NOT NULL DEFAULT '',
    lang      TEXT    NOT NULL DEFAULT '',
    published INTEGER NOT NULL,
    fetched   INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    countries TEXT    NOT NULL DEFAULT '',
    story_id  INTEGER NOT NULL,
    sketch    BLOB    NOT NULL,
    feed_id   INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
    sample    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_feed ON articles (feed_id) WHERE feed_id IS NOT NULL;
CREATE INDEX articles_fetched ON articles (fetched);

-- The country index: (country, article id) where the id grows with the
-- publication time, so it is the (country, published) index.
CREATE TABLE article_countries (
    country    TEXT    NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (country, article_id)
) WITHOUT ROWID;
CREATE INDEX article_countries_article ON article_countries (article_id);

-- Locality-sensitive buckets of the MinHash sketch: articles sharing a
-- bucket are near-duplicate candidates.
CREATE TABLE story_buckets (
    bucket     INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
CREATE INDEX story_buckets_article ON story_buckets (article_id);

-- Full text over title and body, an external-content index over articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
