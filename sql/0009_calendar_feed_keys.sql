-- Calendar feeds are read through a key of their own: read-only, for one volunteer's feed,
-- revocable, and not expiring by itself (a subscription must not stop silently). An API token
-- is never put in a calendar URL. One key per volunteer: rotating replaces it, so the old URL
-- stops at once. Only the key's SHA-256 hash is stored (as `token_hash`, which the audit log leaves out).
CREATE TABLE calendar_feed_keys (
    volunteer_id uuid PRIMARY KEY CONSTRAINT calendar_feed_keys_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL CONSTRAINT calendar_feed_keys_token_hash_key UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);

SELECT audit_table('calendar_feed_keys');
