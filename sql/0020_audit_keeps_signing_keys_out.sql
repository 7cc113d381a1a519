-- 0019 redefined audit_row() and lost 0013's removal of the download signing key.
-- Put it back: no secret — token hash, signing key, password, session or code hash — reaches the audit log.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    secrets text[] := ARRAY['token_hash', 'signing_key', 'password_hash', 'secret_hash', 'code_hash'];
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - secrets END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - secrets END;
    r jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO audit_log (actor, table_name, operation, row_id, before, after)
    VALUES (coalesce(nullif(current_setting('lianjian.actor', true), ''), 'database ' || session_user),
            TG_TABLE_NAME, lower(TG_OP), coalesce(r ->> 'id', r ->> 'booking_id', r ->> 'volunteer_id'), old_row, new_row);
    RETURN NULL;
END
$$;
