-- Per-channel digest schedules and the record of each scheduled post.
CREATE TABLE digest_schedules (
    channel_id   TEXT    PRIMARY KEY,
    guild_id     TEXT    NOT NULL DEFAULT '',
    spec         TEXT    NOT NULL,             -- a cron expression (5 fields)
    timezone     TEXT    NOT NULL,             -- IANA name, e.g. Europe/Rome
    filter       TEXT    NOT NULL DEFAULT '',  -- words: "japan italy", "G7"
    thread       INTEGER NOT NULL DEFAULT 0,   -- open a thread on each digest
    forum        INTEGER NOT NULL DEFAULT 0,   -- the channel is a forum: each digest a new post
    post_empty   INTEGER NOT NULL DEFAULT 0,   -- post one line when nothing is new
    created_by   TEXT    NOT NULL DEFAULT '',  -- user id of the admin who set it
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL,
    paused       INTEGER NOT NULL DEFAULT 0,
    pause_reason TEXT    NOT NULL DEFAULT '',
    failures     INTEGER NOT NULL DEFAULT 0,   -- consecutive failed posts
    last_slot    INTEGER NOT NULL DEFAULT 0,   -- the latest scheduled time dealt with
    covered      INTEGER NOT NULL DEFAULT 0    -- the next digest covers what was stored after this
);

CREATE TABLE digest_deliveries (
    channel_id TEXT    NOT NULL,
    slot       INTEGER NOT NULL,               -- the scheduled time (unix seconds)
    state      TEXT    NOT NULL,               -- pending, sent, empty, failed
    key        TEXT    NOT NULL,               -- idempotency key, also shown in the post
    message_id TEXT    NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT    NOT NULL DEFAULT '',
    since      INTEGER NOT NULL,
    until      INTEGER NOT NULL,
    stories    INTEGER NOT NULL DEFAULT 0,
    created    INTEGER NOT NULL,
    updated    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, slot)
);
CREATE INDEX digest_deliveries_state ON digest_deliveries (state) WHERE state = 'pending';
