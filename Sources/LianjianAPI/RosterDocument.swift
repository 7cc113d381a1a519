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
