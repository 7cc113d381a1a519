-- Access control and audit: API tokens (stored only as SHA-256 hashes) with a role and a
-- scope, and an append-only audit log written by triggers, so no write escapes it — whether it
-- comes through the API, the command line or psql. A table added later gets the trigger with
-- `SELECT audit_table('name')`; a test fails for any table without it.

CREATE TABLE api_tokens (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash    bytea NOT NULL,
    role          text NOT NULL CONSTRAINT api_tokens_role_valid CHECK (role IN ('admin', 'organiser', 'liaison', 'volunteer')),
    community_id  uuid CONSTRAINT api_tokens_community_fkey REFERENCES communities (id),
    unit_id       uuid CONSTRAINT api_tokens_unit_fkey REFERENCES partner_units (id),
    volunteer_id  uuid CONSTRAINT api_tokens_volunteer_fkey REFERENCES volunteers (id),
    label         text NOT NULL DEFAULT '' CONSTRAINT api_tokens_label_length CHECK (char_length(label) <= 100),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT api_tokens_scope_valid CHECK (
        (role = 'admin' AND community_id IS NULL AND unit_id IS NULL AND volunteer_id IS NULL)
        OR (role = 'organiser' AND community_id IS NOT NULL AND unit_id IS NULL AND volunteer_id IS NULL)
        OR (role = 'liaison' AND unit_id IS NOT NULL AND community_id IS NULL AND volunteer_id IS NULL)
        OR (role = 'volunteer' AND volunteer_id IS NOT NULL AND community_id IS NULL AND unit_id IS NULL))
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- `token <id> (<role>)` for the API, `cli <user>` for the command line, else the database user.
    actor       text NOT NULL,
    table_name  text NOT NULL,
    operation   text NOT NULL,
    row_id      text,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id);

CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'token_hash' END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'token_hash' END;
    r jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO audit_log (actor, table_name, operation, row_id, before, after)
    VALUES (coalesce(nullif(current_setting('lianjian.actor', true), ''), 'database ' || session_user),
            TG_TABLE_NAME, lower(TG_OP), coalesce(r ->> 'id', r ->> 'booking_id', r ->> 'volunteer_id'), old_row, new_row);
    RETURN NULL;
END
$$;

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE FUNCTION audit_table(name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', name);
END
$$;

SELECT audit_table(t) FROM unnest(ARRAY[
    'communities', 'estates', 'skills', 'partner_units', 'joint_projects', 'volunteers', 'volunteer_skills',
    'volunteer_availability', 'volunteer_exceptions', 'facilities', 'bays', 'sharing_windows', 'bookings',
    'bay_allocations', 'api_tokens']) AS t;
