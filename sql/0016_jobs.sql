-- Background work: a queue in the database, shared by every worker process.
--
-- A worker claims the oldest job that is due with `FOR UPDATE SKIP LOCKED`, so two workers never
-- take the same job and neither waits for the other. A claim is a lease: the worker renews it
-- while it works, and a job whose lease ran out (its worker crashed or was cut off) is claimed
-- again by the next worker, until `max_attempts` is used up. A failed attempt is retried after a
-- backoff (`run_after`); the last one leaves the job `failed` with its error.
CREATE TABLE jobs (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind          text NOT NULL CONSTRAINT jobs_kind_valid CHECK (kind IN ('generate_roster')),
    payload       jsonb NOT NULL DEFAULT '{}',
    state         text NOT NULL DEFAULT 'queued'
                  CONSTRAINT jobs_state_valid CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    attempts      integer NOT NULL DEFAULT 0 CONSTRAINT jobs_attempts_valid CHECK (attempts >= 0),
    max_attempts  integer NOT NULL DEFAULT 3 CONSTRAINT jobs_max_attempts_valid CHECK (max_attempts BETWEEN 1 AND 20),
    run_after     timestamptz NOT NULL DEFAULT now(),
    -- Who holds the job and until when; both set exactly while it runs.
    locked_by     text,
    lease_until   timestamptz,
    -- What the worker last said of its progress: {"phase", "percent", "best", "bound"}.
    progress      jsonb,
    result        jsonb,
    -- {"code", "message", "field"} of the last failed attempt.
    error         jsonb,
    -- Whose job it is: read back under the same rules as what it makes.
    community_id  uuid CONSTRAINT jobs_community_fkey REFERENCES communities (id),
    created_by    text NOT NULL DEFAULT coalesce(nullif(current_setting('lianjian.actor', true), ''), session_user),
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    CONSTRAINT jobs_lease_while_running CHECK ((state = 'running') = (locked_by IS NOT NULL AND lease_until IS NOT NULL)),
    CONSTRAINT jobs_finished_when_done CHECK ((state IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
    CONSTRAINT jobs_attempts_bounded CHECK (attempts <= max_attempts)
);
-- What a worker looks for: due queued jobs, and running ones whose lease may have run out.
CREATE INDEX jobs_due_idx ON jobs (run_after) WHERE state = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_community_idx ON jobs (community_id, created_at DESC);

-- A replayed answer keeps its Location (a queued job's address).
ALTER TABLE idempotency_keys ADD COLUMN location text;
