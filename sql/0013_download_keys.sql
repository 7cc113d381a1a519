-- The key that signs download links (GET of a sheet, timetable or roster CSV opened from a
-- browser, which cannot send a token) when `app.download_key` is not configured: made once, by
-- the first server process that needs it, so that every process signs and checks alike.
-- One row only. The audit log records that the key was made, never the key itself.
CREATE TABLE download_keys (
    id          integer PRIMARY KEY CONSTRAINT download_keys_single CHECK (id = 1),
    signing_key bytea NOT NULL CONSTRAINT download_keys_signing_key_length CHECK (octet_length(signing_key) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- As in 0003, with the signing key left out as well as token hashes.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'token_hash' - 'signing_key' END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'token_hash' - 'signing_key' END;
    r jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO audit_log (actor, table_name, operation, row_id, before, after)
    VALUES (coalesce(nullif(current_setting('lianjian.actor', true), ''), 'database ' || session_user),
            TG_TABLE_NAME, lower(TG_OP), coalesce(r ->> 'id', r ->> 'booking_id', r ->> 'volunteer_id'), old_row, new_row);
    RETURN NULL;
END
$$;

SELECT audit_table('download_keys');
