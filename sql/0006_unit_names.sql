-- Partner units' names are unique (units have no district, so across the whole registry):
-- timetables, rosters and sheets name a unit by it, and a liaison who took another unit's
-- name could pass for it (issue 14). Where a name is already taken twice, the oldest unit
-- keeps it and the others get their (unique) code appended: `上街区中医院 (tcm-hospital-2)`.
UPDATE partner_units u
SET name = left(u.name, 100 - char_length(u.code) - 3) || ' (' || u.code || ')'
WHERE EXISTS (SELECT 1 FROM partner_units o WHERE o.name = u.name AND (o.created_at, o.id) < (u.created_at, u.id));

ALTER TABLE partner_units ADD CONSTRAINT partner_units_name_key UNIQUE (name);
