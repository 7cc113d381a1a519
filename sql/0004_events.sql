-- Service plans (a joint project's recurring commitment), the events generated from them or
-- created one-off, the roles each event needs, the residents it serves, and roster versions.

CREATE TABLE service_plans (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id        uuid NOT NULL CONSTRAINT service_plans_project_fkey REFERENCES joint_projects (id),
    title             text NOT NULL CONSTRAINT service_plans_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    venue             text NOT NULL DEFAULT '' CONSTRAINT service_plans_venue_length CHECK (char_length(venue) <= 200),
    -- {"frequency": "monthly", "interval": 1, "weekdays": [6], "week_of_month": 2, "until": "2027-06-30"}
    recurrence        jsonb NOT NULL,
    start_date        date NOT NULL,
    start_time        time NOT NULL,
    duration_minutes  integer NOT NULL CONSTRAINT service_plans_duration_minutes_range CHECK (duration_minutes BETWEEN 5 AND 1440),
    -- [{"skill": "notary", "count": 1}, {"skill": "companion", "per_participants": 3, "needs": {"mobility_aid": 1}}]
    roles             jsonb NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id     uuid NOT NULL CONSTRAINT events_community_fkey REFERENCES communities (id),
    project_id       uuid NOT NULL CONSTRAINT events_project_fkey REFERENCES joint_projects (id),
    plan_id          uuid CONSTRAINT events_plan_fkey REFERENCES service_plans (id),
    -- The plan occurrence this event is (its original local date), so re-generation finds it.
    occurrence_date  date,
    title            text NOT NULL CONSTRAINT events_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    venue            text NOT NULL DEFAULT '' CONSTRAINT events_venue_length CHECK (char_length(venue) <= 200),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'scheduled' CONSTRAINT events_status_valid CHECK (status IN ('scheduled', 'cancelled')),
    edited           boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_end_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT events_occurrence_date_valid CHECK ((plan_id IS NULL) = (occurrence_date IS NULL)),
    CONSTRAINT events_occurrence_key UNIQUE (plan_id, occurrence_date)
);
CREATE INDEX events_time_idx ON events (community_id, starts_at);

-- The staffing rule of one role at one event: a fixed count, or one per N participants with
-- per-need overrides; `required` is kept up to date as participants come and go.
CREATE TABLE event_roles (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id          uuid NOT NULL CONSTRAINT event_roles_event_fkey REFERENCES events (id) ON DELETE CASCADE,
    skill             text NOT NULL CONSTRAINT event_roles_skill_fkey REFERENCES skills (code),
    fixed_count       integer CONSTRAINT event_roles_fixed_count_range CHECK (fixed_count BETWEEN 1 AND 1000),
    per_participants  integer CONSTRAINT event_roles_per_participants_range CHECK (per_participants BETWEEN 1 AND 1000),
    needs             jsonb NOT NULL DEFAULT '{}',
    units_only        boolean NOT NULL DEFAULT false,
    priority          integer NOT NULL DEFAULT 1 CONSTRAINT event_roles_priority_range CHECK (priority BETWEEN 0 AND 100),
    required          integer NOT NULL DEFAULT 0 CONSTRAINT event_roles_required_range CHECK (required >= 0),
    CONSTRAINT event_roles_fixed_count_valid CHECK ((fixed_count IS NULL) <> (per_participants IS NULL)),
    CONSTRAINT event_roles_skill_key UNIQUE (event_id, skill)
);

-- Residents an event serves. Their contact and needs are personal data: organisers of their
-- community see them; everyone else sees masked values or nothing.
CREATE TABLE residents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id  uuid NOT NULL CONSTRAINT residents_community_fkey REFERENCES communities (id),
    name          text NOT NULL CONSTRAINT residents_name_length CHECK (char_length(name) BETWEEN 1 AND 50),
    building      text NOT NULL DEFAULT '' CONSTRAINT residents_building_length CHECK (char_length(building) <= 50),
    phone         text NOT NULL DEFAULT '' CONSTRAINT residents_phone_format CHECK (phone = '' OR phone ~ '^\+?[0-9][0-9 -]{4,19}$'),
    needs         text[] NOT NULL DEFAULT '{}' CONSTRAINT residents_needs_valid
                  CHECK (needs <@ ARRAY['mobility_aid', 'wheelchair', 'hearing', 'vision', 'living_alone', 'dementia']),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX residents_community_idx ON residents (community_id);

CREATE TABLE event_participants (
    event_id      uuid NOT NULL CONSTRAINT event_participants_event_fkey REFERENCES events (id) ON DELETE CASCADE,
    resident_id   uuid NOT NULL CONSTRAINT event_participants_resident_fkey REFERENCES residents (id),
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, resident_id)
);

SELECT audit_table(t) FROM unnest(ARRAY['service_plans', 'events', 'event_roles', 'residents', 'event_participants']) AS t;
