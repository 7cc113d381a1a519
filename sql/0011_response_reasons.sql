-- An answer to an assignment may carry a reason, and records who gave it: the volunteer, or an
-- organiser answering for them (a decline phoned in to the community office).
ALTER TABLE assignment_responses
    ADD COLUMN reason      text NOT NULL DEFAULT '' CONSTRAINT assignment_responses_reason_length CHECK (char_length(reason) <= 500),
    ADD COLUMN recorded_by text NOT NULL DEFAULT '';
