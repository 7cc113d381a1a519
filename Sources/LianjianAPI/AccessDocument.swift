/// The access part of the OpenAPI document: who-am-I, tokens and the audit log.
enum AccessDocument {
    static let paths = #"""
          /v1/me:
            get:
              operationId: whoAmI
              summary: The calling token's role and scope.
              responses:
                "200": {description: the caller, content: {application/json: {schema: {type: object, properties: {role: {type: string}, community_id: {type: string}, unit_id: {type: string}, volunteer_id: {type: string}, token_id: {type: string}}}}}}
                "401": {$ref: "#/components/responses/Error"}
          /v1/tokens:
            get:
              operationId: listTokens
              summary: Every token (never a secret). Admins only.
              responses:
                "200": {description: the tokens, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Token"}}}}}
                "403": {$ref: "#/components/responses/Error"}
            post:
              operationId: createToken
              summary: Issues a token; the secret is in this response only. Admins only.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [role]
                      properties:
                        role: {type: string, enum: [admin, organiser, liaison, volunteer]}
                        community_id: {type: string, format: uuid, description: required for organiser}
                        unit_id: {type: string, format: uuid, description: required for liaison}
                        volunteer_id: {type: string, format: uuid, description: required for volunteer}
                        label: {type: string}
                        expires_in_days: {type: integer, minimum: 1, maximum: 3660, default: 90}
              responses:
                "201": {description: issued, content: {application/json: {schema: {type: object, properties: {token: {$ref: "#/components/schemas/Token"}, secret: {type: string}}}}}}
                "400": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
          /v1/tokens/{id}:
            parameters: [{$ref: "#/components/parameters/id"}]
            delete:
              operationId: revokeToken
              responses:
                "200": {description: revoked, content: {application/json: {schema: {$ref: "#/components/schemas/Token"}}}}
                "404": {$ref: "#/components/responses/Error"}
          /v1/audit:
            get:
              operationId: listAudit
              summary: Every write, newest first (who, what, when, before and after). Admins only.
              parameters:
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000, default: 100}}
                - {name: before, in: query, schema: {type: integer}, description: an entry id; older entries follow}
                - {name: table, in: query, schema: {type: string}}
                - {name: row_id, in: query, schema: {type: string}}
              responses:
                "200": {description: entries, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: object}}}}}}}
                "403": {$ref: "#/components/responses/Error"}
        """#

    static let schemas = #"""
            Token:
              type: object
              properties:
                id: {type: string, format: uuid}
                role: {type: string}
                community_id: {type: [string, "null"]}
                unit_id: {type: [string, "null"]}
                volunteer_id: {type: [string, "null"]}
                label: {type: string}
                expires_at: {type: string, format: date-time}
                revoked_at: {type: [string, "null"], format: date-time}
          securitySchemes:
            bearer: {type: http, scheme: bearer, description: "a token from `lianjian token create` or POST /v1/tokens"}
        security: [{bearer: []}]
        """#
}
