-- Phone numbers in one spelling (see LianjianDomain's PhoneNumber): digits only, a mobile's 11,
-- a landline with its area code, or a 400/800 number. Existing rows are rewritten where their
-- normal form is valid and unclaimed; new and changed rows must be in normal form.
CREATE FUNCTION phone_normal_form(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN d ~ '^0086' THEN CASE WHEN substr(d, 5) ~ '^1' THEN substr(d, 5) ELSE '0' || substr(d, 5) END
        WHEN p ~ '^\s*\+' AND d ~ '^86' THEN CASE WHEN substr(d, 3) ~ '^1' THEN substr(d, 3) ELSE '0' || substr(d, 3) END
        ELSE d END
    FROM (SELECT regexp_replace(p, '[^0-9]', '', 'g') AS d) t
$$;

UPDATE volunteers v SET phone = phone_normal_form(v.phone)
WHERE phone_normal_form(v.phone) <> v.phone
  AND phone_normal_form(v.phone) ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$'
  AND NOT EXISTS (SELECT 1 FROM volunteers o WHERE o.phone = phone_normal_form(v.phone));
UPDATE partner_units SET liaison_phone = phone_normal_form(liaison_phone)
WHERE phone_normal_form(liaison_phone) ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$';
UPDATE residents SET phone = phone_normal_form(phone)
WHERE phone <> '' AND phone_normal_form(phone) ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$';

ALTER TABLE volunteers ADD CONSTRAINT volunteers_phone_normal
    CHECK (phone ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$') NOT VALID;
ALTER TABLE partner_units ADD CONSTRAINT partner_units_liaison_phone_normal
    CHECK (liaison_phone ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$') NOT VALID;
ALTER TABLE residents ADD CONSTRAINT residents_phone_normal
    CHECK (phone = '' OR phone ~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$') NOT VALID;
