-- Roster versions: each generation stores the problem it solved, the roster, its score and a
-- diff against what was published; publishing makes a draft current. Volunteers' answers
-- (confirmed, declined) belong to a role and a volunteer, whatever version proposed them.

CREATE TABLE roster_versions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- NULL: every community of the district.
    community_id  uuid CONSTRAINT roster_versions_community_fkey REFERENCES communities (id),
    range_from    date NOT NULL,
    range_to      date NOT NULL,
    status        text NOT NULL DEFAULT 'draft' CONSTRAINT roster_versions_status_valid
                  CHECK (status IN ('draft', 'published', 'superseded')),
    score         jsonb NOT NULL,
    lower_bound   bigint,
    diff          jsonb NOT NULL,
    problem       jsonb NOT NULL,
    roster        jsonb NOT NULL,
    solve_ms      integer NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    CONSTRAINT roster_versions_range_to_range CHECK (range_to >= range_from)
);
-- At most one published version per scope and range start.
CREATE UNIQUE INDEX roster_versions_published_key ON roster_versions (coalesce(community_id, '00000000-0000-0000-0000-000000000000'), range_from)
    WHERE status = 'published';

CREATE TABLE roster_assignments (
    version_id    uuid NOT NULL CONSTRAINT roster_assignments_version_fkey REFERENCES roster_versions (id) ON DELETE CASCADE,
    role_id       uuid NOT NULL CONSTRAINT roster_assignments_role_fkey REFERENCES event_roles (id) ON DELETE CASCADE,
    volunteer_id  uuid NOT NULL CONSTRAINT roster_assignments_volunteer_fkey REFERENCES volunteers (id),
    PRIMARY KEY (version_id, role_id, volunteer_id)
);
CREATE INDEX roster_assignments_volunteer_idx ON roster_assignments (volunteer_id);

CREATE TABLE assignment_responses (
    role_id       uuid NOT NULL CONSTRAINT assignment_responses_role_fkey REFERENCES event_roles (id) ON DELETE CASCADE,
    volunteer_id  uuid NOT NULL CONSTRAINT assignment_responses_volunteer_fkey REFERENCES volunteers (id),
    response      text NOT NULL CONSTRAINT assignment_responses_response_valid CHECK (response IN ('confirmed', 'declined')),
    responded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, volunteer_id)
);

-- Who accompanies whom at an accompaniment event (the printed sheet), kept so that the next
-- occurrence can keep the same pairings.
CREATE TABLE companion_groups (
    event_id      uuid NOT NULL CONSTRAINT companion_groups_event_fkey REFERENCES events (id) ON DELETE CASCADE,
    resident_id   uuid NOT NULL CONSTRAINT companion_groups_resident_fkey REFERENCES residents (id),
    volunteer_id  uuid NOT NULL CONSTRAINT companion_groups_volunteer_fkey REFERENCES volunteers (id),
    PRIMARY KEY (event_id, resident_id)
);

SELECT audit_table(t) FROM unnest(ARRAY['roster_versions', 'roster_assignments', 'assignment_responses', 'companion_groups']) AS t;
