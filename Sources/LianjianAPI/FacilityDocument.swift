/// The facilities part of the OpenAPI document: paths, then schemas (spliced into
/// ``OpenAPIDocument/text`` under `paths:` and `components.schemas:`).
enum FacilityDocument {
    static let paths = #"""
          /v1/communities/{id}/facilities:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listFacilities
              responses:
                "200": {description: the community's facilities, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Facility"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: createFacility
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/FacilityDraft"}}}}
              responses:
                "201": {description: created with its bays, content: {application/json: {schema: {$ref: "#/components/schemas/Facility"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/facilities/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getFacility
              responses:
                "200": {description: the facility and its bays, content: {application/json: {schema: {$ref: "#/components/schemas/Facility"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/facilities/{id}/windows:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listSharingWindows
              responses:
                "200": {description: the sharing windows, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/SharingWindow"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: addSharingWindow
              summary: Opens a window; 422 naming guaranteed_bays and the clashing window when guarantees would exceed the bays.
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/SharingWindowDraft"}}}}
              responses:
                "201": {description: opened, content: {application/json: {schema: {$ref: "#/components/schemas/SharingWindow"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/facilities/{id}/bookings:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: book
              summary: Books bays if every minute fits the class's pool and leaves other classes' guarantees; lays out bays.
              description: A refusal is a 409 whose code is outside_window, cap_reached, no_bay_free or guarantee and whose message names the first time that does not fit.
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/BookingRequest"}}}}
              responses:
                "201": {description: booked, content: {application/json: {schema: {type: object, properties: {bookings: {type: array, items: {$ref: "#/components/schemas/Booking"}}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/facilities/{id}/layout:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: layOutFacility
              summary: Lays out the bays of the bookings between two dates again, keeping bays where it can.
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [from, to], properties: {from: {type: string, format: date}, to: {type: string, format: date}}}}}}
              responses:
                "200": {description: what moved, content: {application/json: {schema: {type: object, properties: {bookings: {type: integer}, moved: {type: integer}, written: {type: integer}, unplaced: {type: array, items: {type: string}}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/facilities/{id}/timetable:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: facilityTimetable
              parameters:
                - {name: date, in: query, required: true, schema: {type: string, format: date}}
                - {name: days, in: query, schema: {type: integer, minimum: 1, maximum: 31, default: 1}}
                - {name: format, in: query, schema: {type: string, enum: [json, csv, svg, html], default: json}}
                - {name: lang, in: query, schema: {type: string, enum: [zh, en], default: zh}, description: CSV headers}
              responses:
                "200":
                  description: bays as rows, time as columns
                  content:
                    application/json: {schema: {$ref: "#/components/schemas/Timetable"}}
                    text/csv: {schema: {type: string}}
                    image/svg+xml: {schema: {type: string}}
                    text/html: {schema: {type: string}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/bookings/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getBooking
              responses:
                "200": {description: the booking, content: {application/json: {schema: {$ref: "#/components/schemas/Booking"}}}}
                "404": {$ref: "#/components/responses/Error"}
            delete:
              operationId: cancelBooking
              responses:
                "200": {description: cancelled; its bays are free, content: {application/json: {schema: {$ref: "#/components/schemas/Booking"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/bookings/{id}/bays:
            parameters: [{$ref: "#/components/parameters/id"}]
            put:
              operationId: moveBooking
              summary: Puts a booking on named bays; 409 double_booking names the bay and the other booking's time.
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [bays], properties: {bays: {type: array, items: {type: string}}}}}}}
              responses:
                "200": {description: moved, content: {application/json: {schema: {$ref: "#/components/schemas/Booking"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
        """#

    static let schemas = #"""
            FacilityDraft:
              type: object
              required: [code, name, kind]
              properties:
                code: {type: string}
                name: {type: string}
                kind: {type: string, enum: [car_park, hall, plaza, meeting_room, sports_ground, other]}
                estate_id: {type: string, format: uuid}
                bays: {type: integer, minimum: 1, maximum: 2000, description: number of bays, labelled bay_prefix + number}
                bay_prefix: {type: string}
                bay_labels: {type: array, items: {type: string}}
                seats: {type: integer, minimum: 1}
            Facility:
              type: object
              properties:
                id: {type: string, format: uuid}
                community_id: {type: string, format: uuid}
                estate_id: {type: [string, "null"], format: uuid}
                code: {type: string}
                name: {type: string}
                kind: {type: string}
                bays: {type: array, items: {type: object, properties: {id: {type: string, format: uuid}, label: {type: string}, seats: {type: integer}}}}
            SharingWindowDraft:
              type: object
              required: [user_class, weekdays, start, end, cap_bays, valid_from]
              properties:
                user_class: {type: string, enum: [residents, unit, events, public]}
                unit_id: {type: string, format: uuid, description: required exactly when user_class is unit}
                weekdays: {type: array, items: {type: integer, minimum: 1, maximum: 7}, description: ISO weekdays the window starts on}
                start: {type: string, example: "18:00"}
                end: {type: string, example: "08:00", description: not after start means the next day}
                guaranteed_bays: {type: integer, minimum: 0}
                cap_bays: {type: integer, minimum: 1}
                valid_from: {type: string, format: date}
                valid_until: {type: string, format: date}
                label: {type: string}
            SharingWindow:
              allOf: [{$ref: "#/components/schemas/SharingWindowDraft"}, {type: object, properties: {id: {type: string, format: uuid}, facility_id: {type: string, format: uuid}}}]
            BookingRequest:
              type: object
              required: [user_class, holder, start, end]
              properties:
                user_class: {type: string, enum: [residents, unit, events, public]}
                unit_id: {type: string, format: uuid}
                holder: {type: string, description: what the timetable shows}
                bays: {type: integer, minimum: 1, default: 1}
                start: {type: string, example: "2026-12-05T08:00", description: RFC 3339, or local to the community}
                end: {type: string, example: "2026-12-05T12:00"}
                repeat: {type: object, required: [weekdays, until], properties: {weekdays: {type: array, items: {type: integer}}, until: {type: string, format: date}}}
            Booking:
              type: object
              properties:
                id: {type: string, format: uuid}
                facility_id: {type: string, format: uuid}
                user_class: {type: string}
                unit_id: {type: [string, "null"], format: uuid}
                holder: {type: string}
                bay_count: {type: integer}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                series_id: {type: [string, "null"], format: uuid}
                bays: {type: array, items: {type: string}}
            Timetable:
              type: object
              properties:
                facility: {type: string}
                time_zone: {type: string}
                from: {type: string, format: date}
                days: {type: integer}
                bays: {type: array, items: {type: string}}
                blocks: {type: array, items: {type: object, properties: {bay: {type: string}, booking_id: {type: string}, user_class: {type: string}, unit: {type: [string, "null"]}, holder: {type: string}, start: {type: string, format: date-time}, end: {type: string, format: date-time}}}}
        """#
}
