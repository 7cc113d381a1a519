/// The events part of the OpenAPI document: service plans, events, residents, participants.
enum EventDocument {
    static let paths = #"""
          /v1/projects/{id}/plans:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listPlans
              responses:
                "200": {description: the project's service plans, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/ServicePlan"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: createPlan
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/ServicePlan"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/ServicePlan"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/plans/{id}/generate:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: generateEvents
              summary: Creates the plan's events between two dates; repeating it creates nothing twice and keeps edited or cancelled events.
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [from, to], properties: {from: {type: string, format: date}, to: {type: string, format: date}}}}}}
              responses:
                "200": {description: counts, content: {application/json: {schema: {type: object, properties: {created: {type: integer}, kept: {type: integer}}}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/events:
            post:
              operationId: createEvent
              summary: A one-off event of a project (not in the past).
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/EventDraft"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/communities/{id}/events:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listEvents
              parameters:
                - {name: from, in: query, schema: {type: string, format: date}}
                - {name: to, in: query, schema: {type: string, format: date}}
              responses:
                "200": {description: events starting in the range, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Event"}}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/events/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: getEvent
              responses:
                "200": {description: the event, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/Error"}
            put:
              operationId: editEvent
              summary: Edits title, venue and times; a generated event stays as edited when its plan is generated again.
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/EventDraft"}}}}
              responses:
                "200": {description: edited, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/events/{id}/cancel:
            parameters: [{$ref: "#/components/parameters/id"}]
            post:
              operationId: cancelEvent
              responses:
                "200": {description: cancelled, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/events/{id}/participants:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listParticipants
              responses:
                "200": {description: the residents registered, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Resident"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: registerParticipant
              summary: Registers a resident; every role's required count follows.
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [resident_id], properties: {resident_id: {type: string, format: uuid}}}}}}
              responses:
                "201": {description: the event with its new counts, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/events/{id}/participants/{resident}:
            parameters: [{$ref: "#/components/parameters/id"}, {name: resident, in: path, required: true, schema: {type: string, format: uuid}}]
            delete:
              operationId: cancelParticipant
              responses:
                "200": {description: the event with its new counts, content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/communities/{id}/residents:
            parameters: [{$ref: "#/components/parameters/id"}]
            get:
              operationId: listResidents
              responses:
                "200": {description: the community's residents (personal data; organisers only), content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Resident"}}}}}
                "404": {$ref: "#/components/responses/Error"}
            post:
              operationId: createResident
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Resident"}}}}
              responses:
                "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Resident"}}}}
                "400": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
        """#

    static let schemas = #"""
            StaffingRule:
              type: object
              required: [skill]
              properties:
                skill: {type: string}
                count: {type: integer, minimum: 1, description: a fixed number}
                per_participants: {type: integer, minimum: 1, description: one volunteer per this many participants}
                needs: {type: object, additionalProperties: {type: integer}, description: "need → companions of their own, e.g. {mobility_aid: 1}"}
                units_only: {type: boolean}
                priority: {type: integer, minimum: 0}
            ServicePlan:
              type: object
              required: [title, recurrence, start_date, start_time, duration_minutes]
              properties:
                id: {type: string, format: uuid, readOnly: true}
                title: {type: string}
                venue: {type: string}
                recurrence:
                  type: object
                  required: [frequency]
                  properties:
                    frequency: {type: string, enum: [daily, weekly, monthly]}
                    interval: {type: integer, minimum: 1}
                    weekdays: {type: array, items: {type: integer, minimum: 1, maximum: 7}}
                    week_of_month: {type: integer, description: 1–5 or -1 (last), with monthly and weekdays}
                    days_of_month: {type: array, items: {type: integer}}
                    until: {type: string, format: date}
                    count: {type: integer}
                start_date: {type: string, format: date}
                start_time: {type: string, example: "09:00"}
                duration_minutes: {type: integer}
                roles: {type: array, items: {$ref: "#/components/schemas/StaffingRule"}}
            EventDraft:
              type: object
              required: [project_id, title, start, end]
              properties:
                project_id: {type: string, format: uuid}
                title: {type: string}
                venue: {type: string}
                start: {type: string, example: "2026-12-05T13:30"}
                end: {type: string}
                roles: {type: array, items: {$ref: "#/components/schemas/StaffingRule"}}
            Event:
              type: object
              properties:
                id: {type: string, format: uuid}
                community_id: {type: string}
                project_id: {type: string}
                plan_id: {type: [string, "null"]}
                title: {type: string}
                venue: {type: string}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                status: {type: string, enum: [scheduled, cancelled]}
                edited: {type: boolean}
                participants: {type: integer}
                roles: {type: array, items: {allOf: [{$ref: "#/components/schemas/StaffingRule"}, {type: object, properties: {id: {type: string}, required: {type: integer}}}]}}
            Resident:
              type: object
              required: [name]
              properties:
                id: {type: string, format: uuid, readOnly: true}
                name: {type: string}
                building: {type: string}
                phone: {type: string}
                needs: {type: array, items: {type: string, enum: [mobility_aid, wheelchair, hearing, vision, living_alone, dementia]}}
        """#
}
