-- Service records, second part (issue 18): volunteers' own check-in with an event's code,
-- organisers confirming an event's hours (then they are final) and volunteers disputing them
-- before that, the identity a certificate names, certificates with numbers that never repeat,
-- and joint projects' structured pledges.

-- An event's check-in code: printed on its sheet (with a QR code) and shown to its organiser.
-- A new code replaces the old one; a code is good until two hours after the event ends.
CREATE TABLE event_checkin_codes (
    event_id    uuid PRIMARY KEY CONSTRAINT event_checkin_codes_event_fkey REFERENCES events (id) ON DELETE CASCADE,
    -- Six letters and digits without the look-alikes (0/O, 1/I/L).
    code        text NOT NULL CONSTRAINT event_checkin_codes_code_format CHECK (code ~ '^[2-9A-HJKMNP-Z]{6}$'),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

-- An organiser's confirmation of an event's hours: from then on they are final.
CREATE TABLE event_hours_confirmations (
    event_id      uuid PRIMARY KEY CONSTRAINT event_hours_confirmations_event_fkey REFERENCES events (id),
    confirmed_by  text NOT NULL,
    confirmed_at  timestamptz NOT NULL DEFAULT now()
);

-- A volunteer's dispute of their hours at an event, with a note, before the hours are final.
CREATE TABLE hours_disputes (
    event_id      uuid NOT NULL CONSTRAINT hours_disputes_event_fkey REFERENCES events (id),
    volunteer_id  uuid NOT NULL CONSTRAINT hours_disputes_volunteer_fkey REFERENCES volunteers (id),
    note          text NOT NULL CONSTRAINT hours_disputes_note_length CHECK (char_length(note) BETWEEN 1 AND 500),
    raised_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, volunteer_id)
);

-- Confirmed hours are final: no attendance is recorded and no dispute raised on the event after
-- it. The repositories refuse first with a reason; this is the backstop.
CREATE FUNCTION event_hours_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM event_hours_confirmations WHERE event_id = NEW.event_id) THEN
        RAISE EXCEPTION 'the hours of this event are confirmed and final'
            USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_event_final_valid';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER attendance_final BEFORE INSERT OR UPDATE ON attendance FOR EACH ROW EXECUTE FUNCTION event_hours_final();
CREATE TRIGGER hours_disputes_final BEFORE INSERT OR UPDATE ON hours_disputes FOR EACH ROW EXECUTE FUNCTION event_hours_final();

-- What a certificate names of a volunteer. The ID number itself is never stored, so no route,
-- export, backup or log can leak it: only its type and last four characters, all a certificate
-- shows (the whole number is checked when it is entered, then dropped).
CREATE TABLE volunteer_identities (
    volunteer_id      uuid PRIMARY KEY CONSTRAINT volunteer_identities_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    id_type           text NOT NULL CONSTRAINT volunteer_identities_id_type_valid
                      CHECK (id_type IN ('resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'foreign_permanent')),
    id_last4          text NOT NULL CONSTRAINT volunteer_identities_id_last4_format CHECK (id_last4 ~ '^[0-9A-Z]{4}$'),
    -- The volunteer number of the national volunteer-service system, when they have one.
    volunteer_number  text NOT NULL DEFAULT '' CONSTRAINT volunteer_identities_volunteer_number_format
                      CHECK (volunteer_number ~ '^[0-9A-Za-z-]{0,32}$'),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Who signs a community's certificates.
ALTER TABLE communities
    ADD COLUMN contact_name  text NOT NULL DEFAULT '' CONSTRAINT communities_contact_name_length CHECK (char_length(contact_name) <= 50),
    ADD COLUMN contact_phone text NOT NULL DEFAULT '' CONSTRAINT communities_contact_phone_format
                             CHECK (contact_phone = '' OR contact_phone ~ '^\+?[0-9][0-9 -]{4,19}$');

-- The last number each issuing organisation gave in a year: a certificate takes the next one
-- under this row's lock, so numbers are sequential and never repeat.
CREATE TABLE certificate_counters (
    issuer_kind  text NOT NULL CONSTRAINT certificate_counters_issuer_kind_valid CHECK (issuer_kind IN ('community', 'unit')),
    issuer_id    uuid NOT NULL,
    year         integer NOT NULL CONSTRAINT certificate_counters_year_range CHECK (year BETWEEN 2000 AND 2999),
    last         integer NOT NULL DEFAULT 0 CONSTRAINT certificate_counters_last_range CHECK (last >= 0),
    PRIMARY KEY (issuer_kind, issuer_id, year)
);

CREATE TABLE certificates (
    number        text PRIMARY KEY,
    issuer_kind   text NOT NULL CONSTRAINT certificates_issuer_kind_valid CHECK (issuer_kind IN ('community', 'unit')),
    issuer_id     uuid NOT NULL,
    year          integer NOT NULL,
    sequence      integer NOT NULL CONSTRAINT certificates_sequence_range CHECK (sequence >= 1),
    volunteer_id  uuid NOT NULL CONSTRAINT certificates_volunteer_fkey REFERENCES volunteers (id),
    period_from   date NOT NULL,
    period_to     date NOT NULL,
    services      integer NOT NULL CONSTRAINT certificates_services_range CHECK (services >= 0),
    minutes       integer NOT NULL CONSTRAINT certificates_minutes_range CHECK (minutes >= 0),
    issued_on     date NOT NULL,
    issued_by     text NOT NULL,
    issued_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT certificates_sequence_key UNIQUE (issuer_kind, issuer_id, year, sequence),
    -- Asking again for the same record returns the same certificate.
    CONSTRAINT certificates_record_key UNIQUE (issuer_kind, issuer_id, volunteer_id, period_from, period_to, minutes, services),
    CONSTRAINT certificates_period_valid CHECK (period_to >= period_from),
    FOREIGN KEY (issuer_kind, issuer_id, year) REFERENCES certificate_counters (issuer_kind, issuer_id, year)
);
CREATE TRIGGER certificates_no_update BEFORE UPDATE OR DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION service_hours_append_only();

-- A joint project's pledge, structured: volunteer hours per month, and/or events per month or
-- quarter with the roles each needs ([{"skill": "doctor", "count": 2}]), from a date to a date.
-- A project's pledges never overlap in time.
CREATE TABLE project_pledges (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id         uuid NOT NULL CONSTRAINT project_pledges_project_fkey REFERENCES joint_projects (id),
    minutes_per_month  integer NOT NULL DEFAULT 0 CONSTRAINT project_pledges_minutes_per_month_range CHECK (minutes_per_month BETWEEN 0 AND 1000000),
    events             integer NOT NULL DEFAULT 0 CONSTRAINT project_pledges_events_range CHECK (events BETWEEN 0 AND 100),
    period             text NOT NULL DEFAULT 'month' CONSTRAINT project_pledges_period_valid CHECK (period IN ('month', 'quarter')),
    roles              jsonb NOT NULL DEFAULT '[]' CONSTRAINT project_pledges_roles_valid CHECK (jsonb_typeof(roles) = 'array'),
    valid_from         date NOT NULL,
    valid_to           date NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_pledges_valid_to_range CHECK (valid_to >= valid_from),
    CONSTRAINT project_pledges_something_valid CHECK (minutes_per_month > 0 OR events > 0),
    CONSTRAINT project_pledges_no_overlap EXCLUDE USING gist (project_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

-- What the nightly job found of each pledge's coming month: can the unit's available
-- volunteers fulfil it? One row per pledge and month, replaced each night.
CREATE TABLE pledge_outlooks (
    pledge_id    uuid NOT NULL CONSTRAINT pledge_outlooks_pledge_fkey REFERENCES project_pledges (id) ON DELETE CASCADE,
    month        date NOT NULL CONSTRAINT pledge_outlooks_month_valid CHECK (extract(day FROM month) = 1),
    fulfillable  boolean NOT NULL,
    reason       text NOT NULL DEFAULT '',
    checked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pledge_id, month)
);

SELECT audit_table('event_checkin_codes');
SELECT audit_table('event_hours_confirmations');
SELECT audit_table('hours_disputes');
SELECT audit_table('volunteer_identities');
SELECT audit_table('certificates');
SELECT audit_table('project_pledges');
SELECT audit_table('certificate_counters');
SELECT audit_table('pledge_outlooks');
