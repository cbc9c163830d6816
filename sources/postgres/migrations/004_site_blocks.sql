-- Which blocks each site printed on its last 64 pages stored from the web,
-- by a fingerprint of their words (sources/clean.Fingerprint), as in the
-- SQLite store: site_pages numbers each site's recorded pages; in
-- site_blocks, bit k of seen is the site's page numbered last_page - k.
CREATE TABLE site_pages (
	site  text PRIMARY KEY,
	pages bigint NOT NULL
);
CREATE TABLE site_blocks (
	site      text NOT NULL,
	fp        bigint NOT NULL,
	seen      bigint NOT NULL,
	last_page bigint NOT NULL,
	PRIMARY KEY (site, fp)
);
CREATE INDEX site_blocks_last ON site_blocks (site, last_page);
