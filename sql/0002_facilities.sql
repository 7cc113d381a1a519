-- Time-shared facilities (car parks, halls, plazas, rooms), their bays, the sharing windows
-- that say which class of users may hold how many bays when, bookings, and the bays laid
-- out for them. PostgreSQL itself forbids two bookings on one bay at once.

CREATE TABLE facilities (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    community_id  uuid NOT NULL CONSTRAINT facilities_community_fkey REFERENCES communities (id),
    estate_id     uuid CONSTRAINT facilities_estate_fkey REFERENCES estates (id),
    code          text NOT NULL CONSTRAINT facilities_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text NOT NULL CONSTRAINT facilities_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    kind          text NOT NULL CONSTRAINT facilities_kind_valid
                  CHECK (kind IN ('car_park', 'hall', 'plaza', 'meeting_room', 'sports_ground', 'other')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT facilities_code_key UNIQUE (community_id, code)
);

CREATE TABLE bays (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id  uuid NOT NULL CONSTRAINT bays_facility_fkey REFERENCES facilities (id),
    label        text NOT NULL CONSTRAINT bays_label_length CHECK (char_length(label) BETWEEN 1 AND 20),
    position     integer NOT NULL CONSTRAINT bays_position_range CHECK (position >= 0),
    seats        integer NOT NULL DEFAULT 1 CONSTRAINT bays_seats_range CHECK (seats >= 1),
    CONSTRAINT bays_label_key UNIQUE (facility_id, label),
    CONSTRAINT bays_position_key UNIQUE (facility_id, position)
);

CREATE TABLE sharing_windows (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id      uuid NOT NULL CONSTRAINT sharing_windows_facility_fkey REFERENCES facilities (id),
    user_class       text NOT NULL CONSTRAINT sharing_windows_user_class_valid
                     CHECK (user_class IN ('residents', 'unit', 'events', 'public')),
    unit_id          uuid CONSTRAINT sharing_windows_unit_fkey REFERENCES partner_units (id),
    weekdays         smallint[] NOT NULL CONSTRAINT sharing_windows_weekdays_valid
                     CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
    starts           time NOT NULL,
    ends             time NOT NULL,
    guaranteed_bays  integer NOT NULL DEFAULT 0,
    cap_bays         integer NOT NULL CONSTRAINT sharing_windows_cap_bays_range CHECK (cap_bays >= 1),
    valid_from       date NOT NULL,
    valid_until      date,
    label            text NOT NULL DEFAULT '' CONSTRAINT sharing_windows_label_length CHECK (char_length(label) <= 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sharing_windows_unit_id_valid CHECK ((user_class = 'unit') = (unit_id IS NOT NULL)),
    CONSTRAINT sharing_windows_guaranteed_bays_range CHECK (guaranteed_bays BETWEEN 0 AND cap_bays),
    CONSTRAINT sharing_windows_valid_until_range CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX sharing_windows_facility_idx ON sharing_windows (facility_id);

CREATE TABLE bookings (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    facility_id  uuid NOT NULL CONSTRAINT bookings_facility_fkey REFERENCES facilities (id),
    user_class   text NOT NULL CONSTRAINT bookings_user_class_valid CHECK (user_class IN ('residents', 'unit', 'events', 'public')),
    unit_id      uuid CONSTRAINT bookings_unit_fkey REFERENCES partner_units (id),
    holder       text NOT NULL CONSTRAINT bookings_holder_length CHECK (char_length(holder) BETWEEN 1 AND 100),
    bay_count    integer NOT NULL CONSTRAINT bookings_bay_count_range CHECK (bay_count BETWEEN 1 AND 2000),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    series_id    uuid,
    cancelled_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_unit_id_valid CHECK ((user_class = 'unit') = (unit_id IS NOT NULL)),
    CONSTRAINT bookings_end_ends_after_start CHECK (ends_at > starts_at)
);
CREATE INDEX bookings_active_idx ON bookings USING gist (facility_id, tstzrange(starts_at, ends_at, '[)'))
    WHERE cancelled_at IS NULL;
CREATE INDEX bookings_series_idx ON bookings (series_id) WHERE series_id IS NOT NULL;

-- One row per bay a booking holds. The exclusion constraint is the last word on double
-- booking: whatever the application does, two rows may not hold one bay at overlapping times.
CREATE TABLE bay_allocations (
    booking_id   uuid NOT NULL CONSTRAINT bay_allocations_booking_fkey REFERENCES bookings (id) ON DELETE CASCADE,
    bay_id       uuid NOT NULL CONSTRAINT bay_allocations_bay_fkey REFERENCES bays (id),
    facility_id  uuid NOT NULL CONSTRAINT bay_allocations_facility_fkey REFERENCES facilities (id),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    PRIMARY KEY (booking_id, bay_id),
    CONSTRAINT bay_allocations_end_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT bay_allocations_bay_no_overlap EXCLUDE USING gist (bay_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
);
CREATE INDEX bay_allocations_facility_idx ON bay_allocations USING gist (facility_id, tstzrange(starts_at, ends_at, '[)'));
