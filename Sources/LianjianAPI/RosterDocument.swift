/// The rosters part of the OpenAPI document.
enum RosterDocument {
    static let paths = #"""
          /v1/rosters/generate:
            post:
              operationId: generateRoster
              summary: Builds a roster-problem/1 from the database, solves it and stores a draft version with its score, bound and diff.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [from, to]
                      properties:
                        community_id: {type: string, format: uuid, description: omit for the whole district (admins)}
                        from: {type: string, format: date}
                        to: {type: string, format: date}
                        time_limit_seconds: {type: number, default: 5}
              responses:
                "201": {description: the draft, content: {application/json: {schema: {type: object, properties: {version: {$ref: "#/components/schemas/RosterVersion"}, timing: {type: object}}}}}}
                "403": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/rosters/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getRoster
              responses:
                "200": {description: the version, content: {application/json: {schema: {$ref: "#/components/schemas/RosterVersion"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/rosters/{id}/problem:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getRosterProblem
              summary: The roster-problem/1 document this version solved (for lianjian check).
              responses:
                "200": {description: the problem, content: {application/json: {schema: {type: object}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/rosters/{id}/roster:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getRosterDocument
              summary: The roster/1 document of this version.
              responses:
                "200": {description: the roster, content: {application/json: {schema: {type: object}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/rosters/{id}/publish:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: publishRoster
              responses:
                "200": {description: published; the one before is superseded, content: {application/json: {schema: {$ref: "#/components/schemas/RosterVersion"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}/assignments:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listAssignments
              responses:
                "200": {description: published assignments, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Assignment"}}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}/assignments/{role}/confirm:
            parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/role"}]
            post:
              operationId: confirmAssignment
              responses:
                "200": {description: the volunteer's assignments, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Assignment"}}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}/assignments/{role}/decline:
            parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/role"}]
            post:
              operationId: declineAssignment
              summary: Frees the slot; the next generation refills it without moving anyone else.
              responses:
                "200": {description: the volunteer's assignments, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Assignment"}}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/rosters/{id}/csv:
            parameters: [{$ref: "#/components/parameters/id"}, {name: lang, in: query, schema: {type: string, enum: [zh, en]}}]
            get:
              operationId: exportRosterCSV
              summary: The roster for Excel/WPS (UTF-8 with BOM, Chinese headers unless lang=en); phones masked outside their owner.
              responses:
                "200": {description: CSV, content: {text/csv: {schema: {type: string}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}/calendar.ics:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: volunteerCalendar
              summary: The volunteer's published assignments as an iCalendar (RFC 5545) feed (with a token; calendar apps use the feed-key URL).
              responses:
                "200": {description: iCalendar, content: {text/calendar: {schema: {type: string}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}/calendar-key:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: rotateCalendarKey
              summary: A new read-only feed URL for the volunteer's calendar; the previous URL stops at once. The key never expires by itself.
              responses:
                "201": {description: the feed URL (shown once), content: {application/json: {schema: {type: object, required: [url], properties: {url: {type: string}}}}}}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
            delete:
              operationId: revokeCalendarKey
              summary: Ends the volunteer's feed URL.
              responses:
                "204": {description: revoked}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /v1/calendar/{key}:
            parameters: [{name: key, in: path, required: true, schema: {type: string}, description: "the feed key, with .ics"}]
            get:
              operationId: calendarFeed
              security: []
              summary: A volunteer's calendar feed by its feed key (no token; read-only; for calendar apps).
              responses:
                "200": {description: iCalendar, content: {text/calendar: {schema: {type: string}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/events/{id}/groups:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: assignCompanionGroups
              summary: Assigns participants to the rostered companions (ratio, one-to-one for overriding needs, buildings together, last pairings kept).
              responses:
                "200": {description: the groups, content: {application/json: {schema: {type: object, properties: {groups: {type: array, items: {type: object, properties: {volunteer_id: {type: string}, resident_ids: {type: array, items: {type: string}}}}}, unassigned: {type: array, items: {type: string}}}}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/events/{id}/sheet:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: eventSheet
              summary: The printable roster and sign-in sheet (phones show their last four digits only).
              responses:
                "200": {description: HTML, content: {text/html: {schema: {type: string}}}}
                "404": {$ref: "#/components/responses/Error"}
        """#

    static let schemas = #"""
            RosterVersion:
              type: object
              properties:
                id: {type: string, format: uuid}
                community_id: {type: [string, "null"]}
                from: {type: string, format: date}
                to: {type: string, format: date}
                status: {type: string, enum: [draft, published, superseded]}
                score: {type: object}
                lower_bound: {type: [integer, "null"]}
                diff: {type: object, properties: {added: {type: array}, removed: {type: array}, moved: {type: array}}}
                solve_ms: {type: integer}
                assignments: {type: array, items: {type: object, properties: {role_id: {type: string}, volunteer_id: {type: string}}}}
            Assignment:
              type: object
              properties:
                role_id: {type: string}
                event_id: {type: string}
                title: {type: string}
                venue: {type: string}
                skill: {type: string}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                response: {type: [string, "null"], enum: [confirmed, declined, null]}
        """#
}
