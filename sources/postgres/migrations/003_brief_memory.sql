-- What each person's (or channel's) last brief on a request held, so that
-- the next one can say what is new: the stories by story id, when it was
-- given (unix seconds) and which way the pair leaned then. Forgotten after
-- the configured time, or at the person's request.
CREATE TABLE brief_memory (
	owner   text NOT NULL,
	request text NOT NULL,
	at      bigint NOT NULL,
	stories text NOT NULL DEFAULT '',
	tone    text NOT NULL DEFAULT '',
	PRIMARY KEY (owner, request)
);
CREATE INDEX brief_memory_at ON brief_memory (at);
