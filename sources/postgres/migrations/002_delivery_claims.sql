-- Delivery claims: the process posting a pending digest holds its record
-- until claim_until (unix seconds), so that processes sharing the store
-- never post one (channel, slot) at once, and a process that dies mid-post
-- gives the delivery back when the claim runs out.
ALTER TABLE digest_deliveries ADD COLUMN claimed_by text NOT NULL DEFAULT '';
ALTER TABLE digest_deliveries ADD COLUMN claim_until bigint NOT NULL DEFAULT 0;
