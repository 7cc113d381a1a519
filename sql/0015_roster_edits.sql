-- Rosters edited by hand. An organiser's choice for one (event role, volunteer) pair is kept for
-- later generations, whatever version it was made on: `pinned` is a pin (the solver must keep
-- it), `assigned` is kept as `previous` (the solver keeps it unless that costs more than the
-- churn), `removed` takes the pair out of `previous` and the role's hours out of the person's
-- availability (except the hours of work they keep). Each edit is also recorded as it was made.
CREATE TABLE roster_overrides (
    role_id       uuid NOT NULL CONSTRAINT roster_overrides_role_fkey REFERENCES event_roles (id) ON DELETE CASCADE,
    volunteer_id  uuid NOT NULL CONSTRAINT roster_overrides_volunteer_fkey REFERENCES volunteers (id),
    kind          text NOT NULL CONSTRAINT roster_overrides_kind_valid CHECK (kind IN ('assigned', 'pinned', 'removed')),
    chosen_by     text NOT NULL DEFAULT coalesce(nullif(current_setting('lianjian.actor', true), ''), session_user),
    chosen_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, volunteer_id)
);

CREATE TABLE roster_edits (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version_id    uuid NOT NULL CONSTRAINT roster_edits_version_fkey REFERENCES roster_versions (id) ON DELETE CASCADE,
    op            text NOT NULL CONSTRAINT roster_edits_op_valid CHECK (op IN ('assign', 'remove', 'swap', 'replace', 'pin', 'unpin')),
    -- Whether the version was the published one when edited (such an edit makes older drafts stale).
    published     boolean NOT NULL,
    -- The pairs the edit added and removed: [{"role_id", "volunteer_id"}].
    added         jsonb NOT NULL DEFAULT '[]',
    removed       jsonb NOT NULL DEFAULT '[]',
    -- The roles whose people or pins changed.
    role_ids      uuid[] NOT NULL,
    edited_by     text NOT NULL DEFAULT coalesce(nullif(current_setting('lianjian.actor', true), ''), session_user),
    edited_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roster_edits_version_idx ON roster_edits (version_id, edited_at);
CREATE INDEX roster_edits_roles_idx ON roster_edits USING gin (role_ids);

-- Lists of versions: newest first within a community.
CREATE INDEX roster_versions_community_idx ON roster_versions (community_id, created_at DESC, id DESC);

SELECT audit_table(t) FROM unnest(ARRAY['roster_overrides', 'roster_edits']) AS t;
