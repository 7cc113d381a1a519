/// The OpenAPI 3.1 document served at `/openapi.yaml`; `OpenAPITests` checks that every route
/// is documented and every documented operation exists.
public enum OpenAPIDocument {
    public static let text = [
        registryPaths, FacilityDocument.paths, EventDocument.paths, RosterDocument.paths, AccessDocument.paths, components,
        FacilityDocument.schemas, EventDocument.schemas, RosterDocument.schemas, AccessDocument.schemas,
    ].joined(separator: "\n") + "\n"

    static let registryPaths = #"""
        openapi: 3.1.0
        info:
          title: Lianjian (联建) API
          version: "1"
          description: |
            Scheduling for community joint projects (联建项目) and their partner units' volunteers.
            Every /v1 call needs Authorization: Bearer <token>; an object outside the token's scope is a 404.
            Errors are always {"error": {"code", "message", "field"}}. POSTs accept an Idempotency-Key header.
            Lists are keyset-paginated: pass the previous page's next_cursor as cursor.
        paths:
          /health:
            get:
              operationId: health
              security: []
              summary: 200 when the database answers within 2 s, else 503.
              responses:
                "200": {description: healthy, content: {application/json: {schema: {type: object, properties: {status: {type: string}}}}}}
                "503": {description: the database is unavailable}
          /openapi.yaml:
            get:
              operationId: openapi
              security: []
              summary: This document.
              responses:
                "200": {description: the OpenAPI document, content: {application/yaml: {schema: {type: string}}}}
          /v1/communities:
            get:
              operationId: listCommunities
              parameters: [{$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: a page, content: {application/json: {schema: {$ref: "#/components/schemas/CommunityPage"}}}}
                "400": {$ref: "#/components/responses/Error"}
            post:
              operationId: createCommunity
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/CommunityDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Community"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/communities/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getCommunity
              responses:
                "200": {description: the community, content: {application/json: {schema: {$ref: "#/components/schemas/Community"}}}}
                "404": {$ref: "#/components/responses/Error"}
            put:
              operationId: replaceCommunity
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/CommunityDraft"}}}}
              responses:
                "200": {description: updated, content: {application/json: {schema: {$ref: "#/components/schemas/Community"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/communities/{id}/estates:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listEstates
              responses:
                "200": {description: the estates, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Estate"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: createEstate
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/EstateDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Estate"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/units:
            get:
              operationId: listUnits
              parameters: [{$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: a page, content: {application/json: {schema: {$ref: "#/components/schemas/UnitPage"}}}}
            post:
              operationId: createUnit
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/UnitDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Unit"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/units/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getUnit
              responses:
                "200": {description: the unit, content: {application/json: {schema: {$ref: "#/components/schemas/Unit"}}}}
                "404": {$ref: "#/components/responses/Error"}
            put:
              operationId: replaceUnit
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/UnitDraft"}}}}
              responses:
                "200": {description: updated, content: {application/json: {schema: {$ref: "#/components/schemas/Unit"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/units/{id}/volunteers/import:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: importVolunteers
              summary: All-or-nothing CSV import (UTF-8, optional BOM, Chinese or English headers).
              requestBody: {required: true, content: {text/csv: {schema: {type: string}}}}
              responses:
                "200": {description: imported, content: {application/json: {schema: {$ref: "#/components/schemas/ImportReport"}}}}
                "413": {$ref: "#/components/responses/Error"}
                "422": {description: bad rows (nothing written) or a missing column, content: {application/json: {schema: {$ref: "#/components/schemas/ImportReport"}}}}
          /v1/projects:
            get:
              operationId: listProjects
              parameters:
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/cursor"}
                - {$ref: "#/components/parameters/community"}
                - {$ref: "#/components/parameters/unit"}
              responses:
                "200": {description: a page, content: {application/json: {schema: {$ref: "#/components/schemas/ProjectPage"}}}}
                "400": {$ref: "#/components/responses/Error"}
            post:
              operationId: createProject
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/ProjectDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Project"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/projects/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getProject
              responses:
                "200": {description: the project, content: {application/json: {schema: {$ref: "#/components/schemas/Project"}}}}
                "404": {$ref: "#/components/responses/Error"}
            put:
              operationId: replaceProject
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/ProjectDraft"}}}}
              responses:
                "200": {description: updated, content: {application/json: {schema: {$ref: "#/components/schemas/Project"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/volunteers:
            get:
              operationId: listVolunteers
              parameters:
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/cursor"}
                - {$ref: "#/components/parameters/community"}
                - {$ref: "#/components/parameters/unit"}
                - {name: skill, in: query, schema: {type: string}, description: a skill code}
              responses:
                "200": {description: a page, content: {application/json: {schema: {$ref: "#/components/schemas/VolunteerPage"}}}}
                "400": {$ref: "#/components/responses/Error"}
            post:
              operationId: createVolunteer
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/VolunteerDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Volunteer"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/volunteers/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getVolunteer
              responses:
                "200": {description: the volunteer, content: {application/json: {schema: {$ref: "#/components/schemas/Volunteer"}}}}
                "404": {$ref: "#/components/responses/Error"}
            put:
              operationId: replaceVolunteer
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/VolunteerDraft"}}}}
              responses:
                "200": {description: updated, content: {application/json: {schema: {$ref: "#/components/schemas/Volunteer"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/skills:
            get:
              operationId: listSkills
              responses:
                "200":
                  description: the skills volunteers can hold
                  content: {application/json: {schema: {type: array, items: {type: object, properties: {code: {type: string}, name_zh: {type: string}, name_en: {type: string}}}}}}
        """#

    static let components = #"""
        components:
          parameters:
            id: {name: id, in: path, required: true, schema: {type: string, format: uuid}}
            limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
            cursor: {name: cursor, in: query, schema: {type: string}, description: next_cursor of the previous page}
            community: {name: community, in: query, schema: {type: string, format: uuid}}
            unit: {name: unit, in: query, schema: {type: string, format: uuid}}
            role: {name: role, in: path, required: true, schema: {type: string, format: uuid}, description: an event role's id}
            idempotencyKey: {name: Idempotency-Key, in: header, schema: {type: string, maxLength: 200}, description: a retry with the same key and body returns the first response}
          responses:
            Error:
              description: an error
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties: {code: {type: string}, message: {type: string}, field: {type: string}}
            CommunityDraft:
              type: object
              required: [code, name]
              properties:
                code: {type: string, pattern: "^[a-z0-9][a-z0-9-]{1,62}$"}
                name: {type: string, maxLength: 100}
                district: {type: string, maxLength: 100}
                time_zone: {type: string, default: Asia/Shanghai}
            Community:
              allOf: [{$ref: "#/components/schemas/CommunityDraft"}, {type: object, required: [id], properties: {id: {type: string, format: uuid}}}]
            CommunityPage: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Community"}}, next_cursor: {type: [string, "null"]}}}
            EstateDraft:
              type: object
              required: [name]
              properties:
                name: {type: string}
                address: {type: string}
                households: {type: integer, minimum: 0}
                buildings: {type: array, items: {type: string}}
            Estate:
              allOf: [{$ref: "#/components/schemas/EstateDraft"}, {type: object, properties: {id: {type: string, format: uuid}, community_id: {type: string, format: uuid}}}]
            UnitDraft:
              type: object
              required: [code, name, kind, liaison_name, liaison_phone]
              properties:
                code: {type: string}
                name: {type: string}
                kind: {type: string, enum: [hospital, justice, emergency, urban_management, school, government, enterprise, social_organisation, other]}
                liaison_name: {type: string}
                liaison_phone: {type: string}
            Unit:
              allOf: [{$ref: "#/components/schemas/UnitDraft"}, {type: object, properties: {id: {type: string, format: uuid}}}]
            UnitPage: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Unit"}}, next_cursor: {type: [string, "null"]}}}
            ProjectDraft:
              type: object
              required: [community_id, unit_id, title, category, signed_on]
              properties:
                community_id: {type: string, format: uuid}
                unit_id: {type: string, format: uuid}
                title: {type: string}
                category: {type: string, enum: [elderly_companionship, legal, health, parenting, culture, parking, safety, environment, other]}
                signed_on: {type: string, format: date}
                status: {type: string, enum: [active, paused, ended]}
                pledge_minutes_per_month: {type: integer, minimum: 0}
                description: {type: string}
            Project:
              allOf: [{$ref: "#/components/schemas/ProjectDraft"}, {type: object, properties: {id: {type: string, format: uuid}}}]
            ProjectPage: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Project"}}, next_cursor: {type: [string, "null"]}}}
            VolunteerDraft:
              type: object
              required: [name, phone, community_id]
              properties:
                name: {type: string, maxLength: 50}
                phone: {type: string}
                unit_id: {type: [string, "null"], format: uuid}
                community_id: {type: string, format: uuid}
                max_minutes_per_week: {type: integer, minimum: 0, maximum: 10080}
                active: {type: boolean}
                skills: {type: array, items: {type: object, required: [skill], properties: {skill: {type: string}, expires_on: {type: string, format: date}}}}
                availability: {type: array, items: {type: object, required: [weekday, start, end], properties: {weekday: {type: integer, minimum: 1, maximum: 7}, start: {type: string, example: "08:00"}, end: {type: string}}}}
                exceptions: {type: array, items: {type: object, required: [date, available], properties: {date: {type: string, format: date}, available: {type: boolean}, start: {type: string}, end: {type: string}}}}
            Volunteer:
              allOf: [{$ref: "#/components/schemas/VolunteerDraft"}, {type: object, properties: {id: {type: string, format: uuid}}}]
            VolunteerPage: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Volunteer"}}, next_cursor: {type: [string, "null"]}}}
            ImportReport:
              type: object
              properties:
                imported: {type: integer}
                errors: {type: array, items: {type: object, properties: {row: {type: integer}, column: {type: string}, reason: {type: string}}}}
        """#
}
