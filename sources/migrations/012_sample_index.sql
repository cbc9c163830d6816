-- The bundled sample's articles, by id: a search that leaves the sample
-- out reads this small index instead of every candidate article's row
-- (SearchIDs lists a pair's articles from the indexes alone).
CREATE INDEX articles_sample ON articles (id) WHERE sample = 1;
