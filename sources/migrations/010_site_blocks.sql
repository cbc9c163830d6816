-- Which blocks each site printed on its last 64 pages stored from the web,
-- by a fingerprint of their words (sources/clean.Fingerprint): a block that
-- recurs on many of them is the site's furniture, whatever its wording.
-- site_pages numbers each site's recorded pages; in site_blocks, bit k of
-- seen is the site's page numbered last_page - k. Rows whose last page
-- left the window are deleted as the site's pages are recorded.
CREATE TABLE site_pages (
	site  TEXT PRIMARY KEY,
	pages INTEGER NOT NULL
);
CREATE TABLE site_blocks (
	site      TEXT NOT NULL,
	fp        INTEGER NOT NULL,
	seen      INTEGER NOT NULL,
	last_page INTEGER NOT NULL,
	PRIMARY KEY (site, fp)
) WITHOUT ROWID;
CREATE INDEX site_blocks_last ON site_blocks (site, last_page);
