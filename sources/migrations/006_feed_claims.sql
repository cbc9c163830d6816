-- Feed claims: a process polling a feed holds it until claim_until (unix
-- seconds), so that processes sharing one store poll each due feed once,
-- and a process that dies gives its feeds back when the claim runs out.
ALTER TABLE feeds ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN claim_until INTEGER NOT NULL DEFAULT 0;
