-- Idempotency keys that a crash cannot leave stuck, and that can never let a retry do the work twice.
--
-- A request holds its key for a lease (`lease_until`) under an attempt id of its own. The work's
-- own transaction marks the key done (`committed_at`) only if the attempt still holds it, so the
-- work and the mark commit together or not at all. A key whose lease ran out without that mark
-- was never done: a retry may take it over. One with the mark but no stored response (the
-- process died between commit and answer) is refused, never done again.
ALTER TABLE idempotency_keys
    ADD COLUMN attempt      uuid,
    ADD COLUMN lease_until  timestamptz,
    ADD COLUMN committed_at timestamptz;

-- Keys written before leases existed were finished, or are stuck "in progress" from a crash
-- that left no trace of the work: the latter may be retried at once.
UPDATE idempotency_keys SET lease_until = created_at WHERE status = 0;

ALTER TABLE idempotency_keys
    ADD CONSTRAINT idempotency_keys_lease_valid CHECK (status <> 0 OR lease_until IS NOT NULL);
