-- One published roster per event role, whatever ranges and scopes the versions have.
--
-- `published_roles` says, for each event role, which version's answer is current (including an
-- answer of "nobody": an unfilled role). `published_assignments` holds the people of that answer;
-- its foreign key to (role_id, version_id) makes it impossible for two versions' people to be
-- current for one role, and its key to roster_assignments that anyone current was in that version.
-- Publishing a version takes over exactly the roles of its problem.
CREATE TABLE published_roles (
    role_id       uuid PRIMARY KEY CONSTRAINT published_roles_role_fkey REFERENCES event_roles (id) ON DELETE CASCADE,
    version_id    uuid NOT NULL CONSTRAINT published_roles_version_fkey REFERENCES roster_versions (id),
    published_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT published_roles_role_version_key UNIQUE (role_id, version_id)
);
CREATE INDEX published_roles_version_idx ON published_roles (version_id);

CREATE TABLE published_assignments (
    role_id       uuid NOT NULL,
    volunteer_id  uuid NOT NULL CONSTRAINT published_assignments_volunteer_fkey REFERENCES volunteers (id),
    version_id    uuid NOT NULL,
    PRIMARY KEY (role_id, volunteer_id),
    CONSTRAINT published_assignments_role_version_fkey FOREIGN KEY (role_id, version_id)
        REFERENCES published_roles (role_id, version_id) ON DELETE CASCADE,
    CONSTRAINT published_assignments_assignment_fkey FOREIGN KEY (version_id, role_id, volunteer_id)
        REFERENCES roster_assignments (version_id, role_id, volunteer_id) ON DELETE CASCADE
);
CREATE INDEX published_assignments_volunteer_idx ON published_assignments (volunteer_id);

-- When the problem of a draft was read: a publication or an answer after it makes the draft stale.
ALTER TABLE roster_versions ADD COLUMN built_at timestamptz;
UPDATE roster_versions SET built_at = created_at;
ALTER TABLE roster_versions ALTER COLUMN built_at SET NOT NULL, ALTER COLUMN built_at SET DEFAULT now();

-- Several versions may now be current at once (for different roles).
DROP INDEX roster_versions_published_key;

-- Today's published versions: for each role, the most recently published version covering it.
INSERT INTO published_roles (role_id, version_id, published_at)
SELECT DISTINCT ON (s.role_id) s.role_id, v.id, coalesce(v.published_at, v.created_at)
FROM roster_versions v
CROSS JOIN LATERAL (SELECT (x ->> 'id')::uuid AS role_id FROM jsonb_array_elements(v.problem -> 'shifts') AS x) s
WHERE v.status = 'published' AND EXISTS (SELECT 1 FROM event_roles r WHERE r.id = s.role_id)
ORDER BY s.role_id, v.published_at DESC NULLS LAST, v.created_at DESC;

INSERT INTO published_assignments (role_id, volunteer_id, version_id)
SELECT a.role_id, a.volunteer_id, a.version_id
FROM roster_assignments a JOIN published_roles p ON p.role_id = a.role_id AND p.version_id = a.version_id;

UPDATE roster_versions v SET status = 'superseded'
WHERE status = 'published' AND NOT EXISTS (SELECT 1 FROM published_roles p WHERE p.version_id = v.id);

SELECT audit_table(t) FROM unnest(ARRAY['published_roles', 'published_assignments']) AS t;
