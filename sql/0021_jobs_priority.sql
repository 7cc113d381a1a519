-- A night's partitions are claimed largest first (issue 16): with two workers, neither is left
-- alone at the end with the biggest partition while the other idles. A partition's priority is
-- its share of the night's shifts; every other job keeps 0 and is claimed as before.
ALTER TABLE jobs ADD COLUMN priority integer NOT NULL DEFAULT 0
    CONSTRAINT jobs_priority_range CHECK (priority BETWEEN 0 AND 1000000);
