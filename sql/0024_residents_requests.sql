-- 民情速递站 (issue 19): residents' requests from every building, grouped into issues that go
-- through 一征三议两公开 (one round of asking, three of deliberation, two publications), tied to
-- the joint projects, plans, events and facilities that answer them.

-- What a request is about; a table, so a district can add its own.
CREATE TABLE request_categories (
    code     text PRIMARY KEY CONSTRAINT request_categories_code_format CHECK (code ~ '^[a-z][a-z_]{1,39}$'),
    name_zh  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO request_categories (code, name_zh, name_en) VALUES
    ('roof_leak', '房屋漏水', 'roof leak'),
    ('drains', '下水道堵塞', 'blocked drains'),
    ('lighting', '路灯照明', 'street lighting'),
    ('greening', '绿化', 'greening'),
    ('parking', '停车难', 'parking'),
    ('sanitation', '环境卫生', 'sanitation'),
    ('elderly_care', '养老服务', 'elderly care'),
    ('safety', '安全隐患', 'safety'),
    ('other', '其他', 'other');

-- A building of an estate, with the code its mailbox poster's QR code carries. The estate's
-- `buildings` list names them; this table gives each an identity of its own.
CREATE TABLE buildings (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    estate_id  uuid NOT NULL CONSTRAINT buildings_estate_fkey REFERENCES estates (id),
    name       text NOT NULL CONSTRAINT buildings_name_length CHECK (char_length(name) BETWEEN 1 AND 50),
    -- Letters and digits, not guessable from the estate's name: the form is public.
    code       text NOT NULL CONSTRAINT buildings_code_format CHECK (code ~ '^[a-z0-9]{8}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT buildings_code_key UNIQUE (code),
    CONSTRAINT buildings_name_key UNIQUE (estate_id, name)
);
INSERT INTO buildings (estate_id, name, code)
SELECT e.id, b.name, substr(replace(gen_random_uuid()::text, '-', ''), 1, 8)
FROM estates e CROSS JOIN LATERAL unnest(e.buildings) AS b(name)
ON CONFLICT DO NOTHING;

-- A resident's request. Who left it (name, phone) is personal data: the community's organisers
-- see it, nobody else, and no public page or the board ever shows it.
CREATE TABLE resident_requests (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id   uuid NOT NULL CONSTRAINT resident_requests_community_fkey REFERENCES communities (id),
    estate_id      uuid CONSTRAINT resident_requests_estate_fkey REFERENCES estates (id),
    building_id    uuid CONSTRAINT resident_requests_building_fkey REFERENCES buildings (id),
    category       text NOT NULL CONSTRAINT resident_requests_category_fkey REFERENCES request_categories (code),
    -- At most 10 kB, as the form says.
    text           text NOT NULL CONSTRAINT resident_requests_text_length CHECK (char_length(text) >= 1 AND octet_length(text) <= 10240),
    place          text NOT NULL DEFAULT '' CONSTRAINT resident_requests_place_length CHECK (char_length(place) <= 200),
    resident_name  text NOT NULL DEFAULT '' CONSTRAINT resident_requests_resident_name_length CHECK (char_length(resident_name) <= 50),
    resident_phone text NOT NULL DEFAULT '' CONSTRAINT resident_requests_resident_phone_format
                   CHECK (resident_phone = '' OR resident_phone ~ '^\+?[0-9][0-9 -]{4,19}$'),
    channel        text NOT NULL CONSTRAINT resident_requests_channel_valid CHECK (channel IN ('form', 'card', 'meeting')),
    -- What the resident keeps to follow it without signing in: `MQ-` and eight characters.
    tracking       text NOT NULL CONSTRAINT resident_requests_tracking_format CHECK (tracking ~ '^MQ-[2-9A-HJKMNP-Z]{8}$'),
    -- The sending address of a public form, hashed with the day: for the abuse limit, not to know anyone.
    source         text NOT NULL DEFAULT '',
    recorded_by    text NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT resident_requests_tracking_key UNIQUE (tracking)
);
CREATE INDEX resident_requests_community_idx ON resident_requests (community_id, received_at);
CREATE INDEX resident_requests_source_idx ON resident_requests (source, received_at) WHERE source <> '';
CREATE INDEX resident_requests_building_idx ON resident_requests (building_id, received_at);

-- An issue: requests about one thing, deliberated as one. Its state moves only forward along
-- 一征三议两公开, or to declined (with the reason), as `issue_transitions_valid` allows.
CREATE TABLE issues (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id   uuid NOT NULL CONSTRAINT issues_community_fkey REFERENCES communities (id),
    category       text NOT NULL CONSTRAINT issues_category_fkey REFERENCES request_categories (code),
    title          text NOT NULL CONSTRAINT issues_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    state          text NOT NULL DEFAULT 'collected' CONSTRAINT issues_state_valid CHECK (state IN
                   ('collected', 'proposed', 'discussed', 'resolved', 'decision_published', 'in_progress', 'result_published', 'closed', 'declined')),
    -- The residents' representatives' vote (决议) and its minutes.
    votes_for      integer CONSTRAINT issues_votes_for_range CHECK (votes_for >= 0),
    votes_against  integer CONSTRAINT issues_votes_against_range CHECK (votes_against >= 0),
    votes_abstain  integer CONSTRAINT issues_votes_abstain_range CHECK (votes_abstain >= 0),
    minutes        text NOT NULL DEFAULT '' CONSTRAINT issues_minutes_length CHECK (char_length(minutes) <= 10000),
    decision       text NOT NULL DEFAULT '' CONSTRAINT issues_decision_length CHECK (char_length(decision) <= 2000),
    result         text NOT NULL DEFAULT '' CONSTRAINT issues_result_length CHECK (char_length(result) <= 2000),
    declined_reason text NOT NULL DEFAULT '' CONSTRAINT issues_declined_reason_length CHECK (char_length(declined_reason) <= 2000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- A resolution has its vote; a declined issue says why.
    CONSTRAINT issues_vote_valid CHECK (state IN ('collected', 'proposed', 'discussed', 'declined')
                                        OR (votes_for IS NOT NULL AND votes_against IS NOT NULL AND votes_abstain IS NOT NULL)),
    CONSTRAINT issues_declined_reason_valid CHECK (state <> 'declined' OR char_length(declined_reason) > 0)
);
CREATE INDEX issues_community_idx ON issues (community_id, state);

-- Which issue a request belongs to: one at most.
CREATE TABLE issue_requests (
    request_id  uuid PRIMARY KEY CONSTRAINT issue_requests_request_fkey REFERENCES resident_requests (id),
    issue_id    uuid NOT NULL CONSTRAINT issue_requests_issue_fkey REFERENCES issues (id)
);
CREATE INDEX issue_requests_issue_idx ON issue_requests (issue_id);

-- Every step of an issue, with who took it and when.
CREATE TABLE issue_steps (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id   uuid NOT NULL CONSTRAINT issue_steps_issue_fkey REFERENCES issues (id),
    from_state text,
    to_state   text NOT NULL,
    note       text NOT NULL DEFAULT '' CONSTRAINT issue_steps_note_length CHECK (char_length(note) <= 2000),
    actor      text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issue_steps_issue_idx ON issue_steps (issue_id, id);

-- The allowed moves, enforced by PostgreSQL whatever writes the row.
CREATE FUNCTION issue_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IS DISTINCT FROM OLD.state AND NOT (
        (OLD.state, NEW.state) IN (('collected', 'proposed'), ('proposed', 'discussed'), ('discussed', 'resolved'),
                                   ('resolved', 'decision_published'), ('decision_published', 'in_progress'),
                                   ('in_progress', 'result_published'), ('result_published', 'closed'))
        OR (NEW.state = 'declined' AND OLD.state IN ('collected', 'proposed', 'discussed', 'resolved'))
    ) THEN
        RAISE EXCEPTION 'an issue cannot go from % to %', OLD.state, NEW.state
            USING ERRCODE = 'check_violation', TABLE = 'issues', CONSTRAINT = 'issues_state_valid';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER issues_transition BEFORE UPDATE ON issues FOR EACH ROW EXECUTE FUNCTION issue_transition_allowed();

-- What the community's public board shows: the decision, the result, or why an issue was
-- declined, from the day it was published; it stays at least until `keep_until`.
CREATE TABLE board_notices (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issue_id      uuid NOT NULL CONSTRAINT board_notices_issue_fkey REFERENCES issues (id),
    community_id  uuid NOT NULL CONSTRAINT board_notices_community_fkey REFERENCES communities (id),
    kind          text NOT NULL CONSTRAINT board_notices_kind_valid CHECK (kind IN ('decision', 'result', 'declined')),
    title         text NOT NULL,
    body          text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    keep_until    timestamptz NOT NULL,
    taken_down_at timestamptz,
    CONSTRAINT board_notices_kind_key UNIQUE (issue_id, kind),
    CONSTRAINT board_notices_keep_until_valid CHECK (keep_until >= published_at),
    -- A notice stays up for its time: it may come down only after `keep_until`.
    CONSTRAINT board_notices_taken_down_valid CHECK (taken_down_at IS NULL OR taken_down_at >= keep_until)
);
CREATE INDEX board_notices_community_idx ON board_notices (community_id, published_at DESC);

-- What answers an issue: a joint project, a service plan, an event or a facility.
CREATE TABLE issue_links (
    issue_id     uuid NOT NULL CONSTRAINT issue_links_issue_fkey REFERENCES issues (id),
    project_id   uuid CONSTRAINT issue_links_project_fkey REFERENCES joint_projects (id),
    plan_id      uuid CONSTRAINT issue_links_plan_fkey REFERENCES service_plans (id),
    event_id     uuid CONSTRAINT issue_links_event_fkey REFERENCES events (id),
    facility_id  uuid CONSTRAINT issue_links_facility_fkey REFERENCES facilities (id),
    linked_by    text NOT NULL,
    linked_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT issue_links_one_target_valid CHECK (num_nonnulls(project_id, plan_id, event_id, facility_id) = 1)
);
CREATE UNIQUE INDEX issue_links_key ON issue_links (issue_id, coalesce(project_id, plan_id, event_id, facility_id));
CREATE INDEX issue_links_project_idx ON issue_links (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX issue_links_facility_idx ON issue_links (facility_id) WHERE facility_id IS NOT NULL;

SELECT audit_table('request_categories');
SELECT audit_table('buildings');
SELECT audit_table('resident_requests');
SELECT audit_table('issues');
SELECT audit_table('issue_requests');
SELECT audit_table('issue_steps');
SELECT audit_table('board_notices');
SELECT audit_table('issue_links');
