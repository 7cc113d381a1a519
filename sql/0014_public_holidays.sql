-- China's public holidays and the weekend days made working days (调休上班), year by year;
-- loaded from config/holidays-cn.csv by `lianjian migrate`, replaceable by an admin.
CREATE TABLE public_holidays (
    day   date PRIMARY KEY,
    kind  text NOT NULL CONSTRAINT public_holidays_kind_valid CHECK (kind IN ('holiday', 'workday')),
    name  text NOT NULL CONSTRAINT public_holidays_name_length CHECK (char_length(name) BETWEEN 1 AND 50),
    -- Only a Saturday or a Sunday can be made a working day.
    CONSTRAINT public_holidays_day_valid CHECK (kind = 'holiday' OR extract(isodow FROM day) IN (6, 7)),
    CONSTRAINT public_holidays_day_range CHECK (day BETWEEN date '1900-01-01' AND date '2200-12-31')
);

-- What a service plan does about them (see PublicHolidays.Policy).
ALTER TABLE service_plans
    ADD COLUMN skip_holidays   boolean NOT NULL DEFAULT false,
    ADD COLUMN run_on_workdays boolean NOT NULL DEFAULT false;

SELECT audit_table('public_holidays');
