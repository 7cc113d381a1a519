-- Service records, first part (issue 18): who came to each event and when, and the hours they
-- are credited with. Attendance is one row per person and role: signed in, signed out, or a
-- no-show; a walk-in is someone not rostered who came. The ledger of service hours is
-- append-only, as the audit log is: a sign-out credits the time actually served (sign-in to
-- sign-out, clipped to the event, rounded), and a correction is a new entry, never an edit.

CREATE TABLE attendance (
    role_id        uuid NOT NULL CONSTRAINT attendance_role_fkey REFERENCES event_roles (id),
    volunteer_id   uuid NOT NULL CONSTRAINT attendance_volunteer_fkey REFERENCES volunteers (id),
    event_id       uuid NOT NULL CONSTRAINT attendance_event_fkey REFERENCES events (id),
    status         text NOT NULL CONSTRAINT attendance_status_valid CHECK (status IN ('present', 'no_show')),
    walk_in        boolean NOT NULL DEFAULT false,
    signed_in_at   timestamptz,
    signed_out_at  timestamptz,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, volunteer_id),
    -- Present means signed in; a no-show has no times at all.
    CONSTRAINT attendance_times_match_status CHECK ((status = 'present') = (signed_in_at IS NOT NULL)),
    CONSTRAINT attendance_out_after_in CHECK (signed_out_at IS NULL OR (signed_in_at IS NOT NULL AND signed_out_at > signed_in_at))
);
CREATE INDEX attendance_event_idx ON attendance (event_id);
CREATE INDEX attendance_volunteer_idx ON attendance (volunteer_id);

CREATE TABLE service_hours (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    volunteer_id  uuid NOT NULL CONSTRAINT service_hours_volunteer_fkey REFERENCES volunteers (id),
    unit_id       uuid CONSTRAINT service_hours_unit_fkey REFERENCES partner_units (id),
    project_id    uuid NOT NULL CONSTRAINT service_hours_project_fkey REFERENCES joint_projects (id),
    community_id  uuid NOT NULL CONSTRAINT service_hours_community_fkey REFERENCES communities (id),
    event_id      uuid NOT NULL CONSTRAINT service_hours_event_fkey REFERENCES events (id),
    role_id       uuid NOT NULL CONSTRAINT service_hours_role_fkey REFERENCES event_roles (id),
    -- Minutes credited; a reversal is negative.
    minutes       integer NOT NULL CONSTRAINT service_hours_minutes_range CHECK (minutes BETWEEN -10080 AND 10080),
    kind          text NOT NULL CONSTRAINT service_hours_kind_valid CHECK (kind IN ('credit', 'reversal', 'correction')),
    -- A reversal and a correction name the entry they correct; a credit names none.
    corrects      bigint CONSTRAINT service_hours_corrects_fkey REFERENCES service_hours (id),
    reason        text NOT NULL DEFAULT '' CONSTRAINT service_hours_reason_length CHECK (char_length(reason) <= 500),
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_hours_corrects_matches_kind CHECK ((kind = 'credit') = (corrects IS NULL)),
    CONSTRAINT service_hours_reason_given CHECK (kind = 'credit' OR char_length(reason) > 0)
);
-- One credit per person and role, however often a sign-out is sent.
CREATE UNIQUE INDEX service_hours_one_credit ON service_hours (role_id, volunteer_id) WHERE kind = 'credit';
-- An entry is reversed at most once.
CREATE UNIQUE INDEX service_hours_one_reversal ON service_hours (corrects) WHERE kind = 'reversal';
CREATE INDEX service_hours_volunteer_idx ON service_hours (volunteer_id, recorded_at);

CREATE FUNCTION service_hours_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'service_hours is append-only: correct an entry with a new one' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER service_hours_no_update BEFORE UPDATE OR DELETE ON service_hours FOR EACH ROW EXECUTE FUNCTION service_hours_append_only();
CREATE TRIGGER service_hours_no_truncate BEFORE TRUNCATE ON service_hours FOR EACH STATEMENT EXECUTE FUNCTION service_hours_append_only();

SELECT audit_table('attendance');
SELECT audit_table('service_hours');
