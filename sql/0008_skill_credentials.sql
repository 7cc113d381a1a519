-- Skills that need a credential (doctor, nurse, lawyer, notary) are recorded with who verified
-- them and when. The stamp is the database's: whoever writes the grant (the audit actor of the
-- request or command) is the verifier, and a renewed expiry is a new verification.
ALTER TABLE skills ADD COLUMN needs_credential boolean NOT NULL DEFAULT false;
UPDATE skills SET needs_credential = true WHERE code IN ('doctor', 'nurse', 'lawyer', 'notary');

ALTER TABLE volunteer_skills
    ADD COLUMN verified_by text,
    ADD COLUMN verified_at timestamptz;

CREATE FUNCTION volunteer_skills_stamp_verification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.expires_on IS NOT DISTINCT FROM OLD.expires_on THEN
        NEW.verified_by := OLD.verified_by;
        NEW.verified_at := OLD.verified_at;
    ELSIF EXISTS (SELECT 1 FROM skills WHERE code = NEW.skill AND needs_credential) THEN
        NEW.verified_by := COALESCE(NULLIF(current_setting('lianjian.actor', true), ''), session_user);
        NEW.verified_at := now();
    ELSE
        NEW.verified_by := NULL;
        NEW.verified_at := NULL;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER volunteer_skills_verification BEFORE INSERT OR UPDATE ON volunteer_skills
    FOR EACH ROW EXECUTE FUNCTION volunteer_skills_stamp_verification();

UPDATE volunteer_skills s SET verified_by = 'before 0008', verified_at = now()
FROM skills k WHERE k.code = s.skill AND k.needs_credential;
