-- The web console's sign-in: accounts with a bcrypt password for admins, organisers and
-- liaisons (scoped like API tokens), sessions stored only as SHA-256 hashes of their cookie,
-- one-time codes for volunteers (sent through the outbox), and failed sign-ins counted per
-- account and per address for the lockout.

CREATE TABLE accounts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- What people type: stored in lower case so `Admin` and `admin` are one account.
    login          text NOT NULL CONSTRAINT accounts_login_valid CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name   text NOT NULL CONSTRAINT accounts_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 100),
    -- A bcrypt hash ($2b$…): never returned, never audited.
    password_hash  text NOT NULL CONSTRAINT accounts_password_hash_bcrypt CHECK (password_hash LIKE '$2%'),
    role           text NOT NULL CONSTRAINT accounts_role_valid CHECK (role IN ('admin', 'organiser', 'liaison')),
    community_id   uuid CONSTRAINT accounts_community_fkey REFERENCES communities (id),
    unit_id        uuid CONSTRAINT accounts_unit_fkey REFERENCES partner_units (id),
    failed_count   integer NOT NULL DEFAULT 0 CONSTRAINT accounts_failed_count_valid CHECK (failed_count >= 0),
    locked_until   timestamptz,
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_login_key UNIQUE (login),
    CONSTRAINT accounts_scope_valid CHECK (
        (role = 'admin' AND community_id IS NULL AND unit_id IS NULL)
        OR (role = 'organiser' AND community_id IS NOT NULL AND unit_id IS NULL)
        OR (role = 'liaison' AND unit_id IS NOT NULL AND community_id IS NULL))
);

-- A session belongs to an account or to a volunteer (signed in with a code), never both.
CREATE TABLE console_sessions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    secret_hash    bytea NOT NULL CONSTRAINT console_sessions_secret_key UNIQUE,
    account_id     uuid CONSTRAINT console_sessions_account_fkey REFERENCES accounts (id) ON DELETE CASCADE,
    volunteer_id   uuid CONSTRAINT console_sessions_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    -- Sent in every form and compared on every POST.
    csrf_token     text NOT NULL CONSTRAINT console_sessions_csrf_length CHECK (char_length(csrf_token) >= 32),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    CONSTRAINT console_sessions_one_owner CHECK ((account_id IS NULL) <> (volunteer_id IS NULL))
);
CREATE INDEX console_sessions_expiry_idx ON console_sessions (expires_at);

-- A code is good for ten minutes and five tries; asking again replaces the last one.
CREATE TABLE sign_in_codes (
    volunteer_id   uuid PRIMARY KEY CONSTRAINT sign_in_codes_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    code_hash      bytea NOT NULL,
    tries          integer NOT NULL DEFAULT 0 CONSTRAINT sign_in_codes_tries_valid CHECK (tries >= 0),
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Failed sign-ins by address, for the per-address limit (an account's own count is on it).
CREATE TABLE sign_in_failures (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address        text NOT NULL CONSTRAINT sign_in_failures_address_length CHECK (char_length(address) <= 100),
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);

-- A sign-in code goes out at once, quiet hours or not, in a message of its own: the outbox's
-- one pending message per night is for roster changes only. The code is cleared when sent.
ALTER TABLE notifications ADD COLUMN kind text NOT NULL DEFAULT 'changes'
    CONSTRAINT notifications_kind_valid CHECK (kind IN ('changes', 'sign_in_code'));
ALTER TABLE notifications ADD COLUMN code text
    CONSTRAINT notifications_code_only_sign_in CHECK (code IS NULL OR kind = 'sign_in_code');
DROP INDEX notifications_one_per_night;
CREATE UNIQUE INDEX notifications_one_per_night ON notifications (volunteer_id, night) WHERE state = 'pending' AND kind = 'changes';

-- No secret reaches the audit log: token and secret hashes as before, passwords and codes now.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'token_hash' - 'password_hash' - 'secret_hash' - 'code_hash' END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'token_hash' - 'password_hash' - 'secret_hash' - 'code_hash' END;
    r jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO audit_log (actor, table_name, operation, row_id, before, after)
    VALUES (coalesce(nullif(current_setting('lianjian.actor', true), ''), 'database ' || session_user),
            TG_TABLE_NAME, lower(TG_OP), coalesce(r ->> 'id', r ->> 'booking_id', r ->> 'volunteer_id'), old_row, new_row);
    RETURN NULL;
END
$$;

SELECT audit_table('accounts');
