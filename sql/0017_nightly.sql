-- The nightly job's runs, and the notifications it (and every publish) writes.

-- One row per run of `lianjian nightly`. `steps` grows as the run goes, one committed entry per
-- step, so a run that was killed shows how far it got; the next run starts the night again
-- (every step is idempotent) and marks the killed one `interrupted`.
CREATE TABLE nightly_runs (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    as_of         date NOT NULL,
    horizon_days  integer NOT NULL CONSTRAINT nightly_runs_horizon_valid CHECK (horizon_days BETWEEN 1 AND 62),
    freeze_hours  integer NOT NULL CONSTRAINT nightly_runs_freeze_valid CHECK (freeze_hours BETWEEN 0 AND 720),
    state         text NOT NULL DEFAULT 'running'
                  CONSTRAINT nightly_runs_state_valid CHECK (state IN ('running', 'succeeded', 'unfilled', 'nothing_to_do', 'failed', 'interrupted')),
    exit_code     integer,
    host          text NOT NULL,
    steps         jsonb NOT NULL DEFAULT '[]',
    error         text,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    CONSTRAINT nightly_runs_finished_when_done CHECK ((state = 'running') = (finished_at IS NULL))
);
CREATE INDEX nightly_runs_started_idx ON nightly_runs (started_at DESC, id DESC);

-- The outbox: one message per volunteer per night, listing all of that night's changes to their
-- work (`items`: [{"kind": added|moved|removed|reminder, "role_id", "title", "venue", "start",
-- "end"}]). Written in the same transaction as the change it reports, so a change is never
-- told twice nor lost; delivered later by a worker, with retries, and dead after too many.
CREATE TABLE notifications (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    volunteer_id    uuid NOT NULL CONSTRAINT notifications_volunteer_fkey REFERENCES volunteers (id),
    community_id    uuid CONSTRAINT notifications_community_fkey REFERENCES communities (id),
    -- The local date of the night whose changes it lists.
    night           date NOT NULL,
    language        text NOT NULL DEFAULT 'zh-CN' CONSTRAINT notifications_language_valid CHECK (language IN ('zh-CN', 'en')),
    items           jsonb NOT NULL DEFAULT '[]' CONSTRAINT notifications_items_array CHECK (jsonb_typeof(items) = 'array'),
    state           text NOT NULL DEFAULT 'pending'
                    CONSTRAINT notifications_state_valid CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
    attempts        integer NOT NULL DEFAULT 0 CONSTRAINT notifications_attempts_valid CHECK (attempts >= 0),
    -- Not before: quiet hours and retries move it on.
    deliver_after   timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    -- What a receiver uses to drop a message it was sent twice.
    idempotency_key text NOT NULL DEFAULT ('lj-' || gen_random_uuid()::text) CONSTRAINT notifications_key_unique UNIQUE,
    CONSTRAINT notifications_sent_when_sent CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
-- One message per person per night: later changes of the night are added to it while it waits
-- (a change after it was sent starts a new one).
CREATE UNIQUE INDEX notifications_one_per_night ON notifications (volunteer_id, night) WHERE state = 'pending';
CREATE INDEX notifications_due_idx ON notifications (deliver_after) WHERE state IN ('pending', 'sending');
CREATE INDEX notifications_community_idx ON notifications (community_id, created_at DESC);

-- Quiet hours per community (local times): messages are held from `quiet_from` to `quiet_until`.
ALTER TABLE communities
    ADD COLUMN quiet_from  time NOT NULL DEFAULT '21:00',
    ADD COLUMN quiet_until time NOT NULL DEFAULT '08:00';

-- A volunteer's language for their messages.
ALTER TABLE volunteers ADD COLUMN language text NOT NULL DEFAULT 'zh-CN'
    CONSTRAINT volunteers_language_valid CHECK (language IN ('zh-CN', 'en'));

SELECT audit_table('nightly_runs');

-- When a message written at `at` may go out: at once, or when the community's quiet hours end
-- (a window across midnight, 21:00–08:00, or within one day).
CREATE FUNCTION quiet_release(zone text, quiet_from time, quiet_until time, at timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN quiet_from = quiet_until THEN at
        WHEN quiet_from > quiet_until THEN
            CASE WHEN (at AT TIME ZONE zone)::time >= quiet_from THEN (((at AT TIME ZONE zone)::date + 1) + quiet_until) AT TIME ZONE zone
                 WHEN (at AT TIME ZONE zone)::time < quiet_until THEN ((at AT TIME ZONE zone)::date + quiet_until) AT TIME ZONE zone
                 ELSE at END
        ELSE
            CASE WHEN (at AT TIME ZONE zone)::time >= quiet_from AND (at AT TIME ZONE zone)::time < quiet_until
                 THEN ((at AT TIME ZONE zone)::date + quiet_until) AT TIME ZONE zone
                 ELSE at END
    END
$$;
