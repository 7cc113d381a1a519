-- A night shared by several processes (`lianjian nightly --workers`): its re-plan and layout are
-- split into partitions, clusters of communities that share volunteers, each queued as a job of
-- its own that any worker may claim.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_valid;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_valid CHECK (kind IN ('generate_roster', 'nightly_partition'));

-- A run queues each of its partitions once: a coordinator restarted on the same run cannot
-- queue a partition twice, so none is planned twice at once.
CREATE UNIQUE INDEX jobs_partition_once_idx ON jobs ((payload ->> 'run'), (payload ->> 'key')) WHERE kind = 'nightly_partition';
-- The next night finds the last plan of each partition by its key.
CREATE INDEX jobs_partition_key_idx ON jobs ((payload ->> 'key'), finished_at DESC) WHERE kind = 'nightly_partition' AND state = 'succeeded';
