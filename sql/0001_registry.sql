-- The registry: communities, partner units, joint projects, volunteers, their skills and availability.
-- Every invariant the API relies on is enforced here too; constraint names say which field broke.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE communities (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code        text NOT NULL CONSTRAINT communities_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CONSTRAINT communities_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    district    text NOT NULL DEFAULT '' CONSTRAINT communities_district_length CHECK (char_length(district) <= 100),
    time_zone   text NOT NULL DEFAULT 'Asia/Shanghai',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT communities_code_key UNIQUE (code)
);

-- Estates (小区) of a community, and their buildings.
CREATE TABLE estates (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id  uuid NOT NULL CONSTRAINT estates_community_fkey REFERENCES communities (id),
    name          text NOT NULL CONSTRAINT estates_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    address       text NOT NULL DEFAULT '' CONSTRAINT estates_address_length CHECK (char_length(address) <= 200),
    households    integer CONSTRAINT estates_households_range CHECK (households >= 0),
    buildings     text[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT estates_name_key UNIQUE (community_id, name)
);

CREATE TABLE partner_units (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code           text NOT NULL CONSTRAINT partner_units_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name           text NOT NULL CONSTRAINT partner_units_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    kind           text NOT NULL CONSTRAINT partner_units_kind_valid
                   CHECK (kind IN ('hospital', 'justice', 'emergency', 'urban_management', 'school', 'government', 'enterprise', 'social_organisation', 'other')),
    liaison_name   text NOT NULL CONSTRAINT partner_units_liaison_name_length CHECK (char_length(liaison_name) BETWEEN 1 AND 50),
    liaison_phone  text NOT NULL CONSTRAINT partner_units_liaison_phone_format CHECK (liaison_phone ~ '^\+?[0-9][0-9 -]{4,19}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT partner_units_code_key UNIQUE (code)
);

CREATE TABLE joint_projects (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id  uuid NOT NULL CONSTRAINT joint_projects_community_fkey REFERENCES communities (id),
    unit_id       uuid NOT NULL CONSTRAINT joint_projects_unit_fkey REFERENCES partner_units (id),
    title         text NOT NULL CONSTRAINT joint_projects_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    category      text NOT NULL CONSTRAINT joint_projects_category_valid
                  CHECK (category IN ('elderly_companionship', 'legal', 'health', 'parenting', 'culture', 'parking', 'safety', 'environment', 'other')),
    signed_on     date NOT NULL,
    status        text NOT NULL DEFAULT 'active' CONSTRAINT joint_projects_status_valid CHECK (status IN ('active', 'paused', 'ended')),
    pledge_minutes_per_month integer NOT NULL DEFAULT 0
                  CONSTRAINT joint_projects_pledge_minutes_per_month_range CHECK (pledge_minutes_per_month BETWEEN 0 AND 1000000),
    description   text NOT NULL DEFAULT '' CONSTRAINT joint_projects_description_length CHECK (char_length(description) <= 2000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT joint_projects_title_key UNIQUE (community_id, unit_id, title)
);
CREATE INDEX joint_projects_unit_idx ON joint_projects (unit_id, id);

-- The skills a volunteer can hold; the roster solver matches shifts on these codes.
CREATE TABLE skills (
    code     text PRIMARY KEY CONSTRAINT skills_code_format CHECK (code ~ '^[a-z][a-z_]{1,39}$'),
    name_zh  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO skills (code, name_zh, name_en) VALUES
    ('companion', '陪护', 'companion'),
    ('doctor', '医生', 'doctor'),
    ('nurse', '护士', 'nurse'),
    ('lawyer', '律师', 'lawyer'),
    ('notary', '公证员', 'notary'),
    ('driver', '司机', 'driver'),
    ('first_aid', '急救', 'first aid'),
    ('steward', '引导员', 'steward'),
    ('teacher', '教师', 'teacher'),
    ('counsellor', '心理咨询', 'counsellor');

CREATE TABLE volunteers (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text NOT NULL CONSTRAINT volunteers_name_length CHECK (char_length(name) BETWEEN 1 AND 50),
    phone         text NOT NULL CONSTRAINT volunteers_phone_format CHECK (phone ~ '^\+?[0-9][0-9 -]{4,19}$'),
    unit_id       uuid CONSTRAINT volunteers_unit_fkey REFERENCES partner_units (id),
    community_id  uuid NOT NULL CONSTRAINT volunteers_community_fkey REFERENCES communities (id),
    max_minutes_per_week integer NOT NULL DEFAULT 480
                  CONSTRAINT volunteers_max_minutes_per_week_range CHECK (max_minutes_per_week BETWEEN 0 AND 10080),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT volunteers_phone_key UNIQUE (phone)
);
CREATE INDEX volunteers_unit_idx ON volunteers (unit_id, id);
CREATE INDEX volunteers_community_idx ON volunteers (community_id, id);

CREATE TABLE volunteer_skills (
    volunteer_id  uuid NOT NULL CONSTRAINT volunteer_skills_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    skill         text NOT NULL CONSTRAINT volunteer_skills_skill_fkey REFERENCES skills (code),
    expires_on    date,
    PRIMARY KEY (volunteer_id, skill)
);
CREATE INDEX volunteer_skills_skill_idx ON volunteer_skills (skill, volunteer_id);

-- A weekly pattern: ISO weekday (1 = Monday) and local times in the community's time zone.
CREATE TABLE volunteer_availability (
    volunteer_id  uuid NOT NULL CONSTRAINT volunteer_availability_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    weekday       smallint NOT NULL CONSTRAINT volunteer_availability_weekday_range CHECK (weekday BETWEEN 1 AND 7),
    starts_at     time NOT NULL,
    ends_at       time NOT NULL,
    CONSTRAINT volunteer_availability_ends_after_start CHECK (ends_at > starts_at),
    PRIMARY KEY (volunteer_id, weekday, starts_at)
);

-- Dated exceptions: a day off (available = false, no times) or extra hours on a date.
CREATE TABLE volunteer_exceptions (
    volunteer_id  uuid NOT NULL CONSTRAINT volunteer_exceptions_volunteer_fkey REFERENCES volunteers (id) ON DELETE CASCADE,
    on_date       date NOT NULL,
    available     boolean NOT NULL,
    starts_at     time,
    ends_at       time,
    CONSTRAINT volunteer_exceptions_times CHECK (
        (available AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at)
        OR (NOT available AND starts_at IS NULL AND ends_at IS NULL)),
    PRIMARY KEY (volunteer_id, on_date, available)
);

-- Responses to POSTs sent with an Idempotency-Key, so a retry creates nothing twice.
CREATE TABLE idempotency_keys (
    scope         text NOT NULL,
    key           text NOT NULL CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) BETWEEN 1 AND 200),
    request_hash  text NOT NULL,
    status        integer NOT NULL,
    body          bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
