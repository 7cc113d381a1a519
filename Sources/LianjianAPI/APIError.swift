import Foundation
import HTTPTypes
import Hummingbird
import LianjianDomain
import LianjianStore

/// An error as a client sees it: `{"error": {"code", "message", "field"}}` with an HTTP status.
///
/// Only this layer knows HTTP; the store and domain errors are mapped here.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    struct Body: Codable, Equatable {
        struct Detail: Codable, Equatable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(code: code, message: Messages.localise(message, to: Language.current), field: field))
        var response = JSON.response(body, status: status)
        if status == .tooManyRequests { response.headers[.retryAfter] = "1" }
        if status == .serviceUnavailable { response.headers[.retryAfter] = code == "busy" ? "30" : "2" }
        return response
    }

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code: "bad_request", message: message, field: field)
    }

    static func invalid(_ message: String, field: String?) -> APIError {
        APIError(.unprocessableContent, code: "invalid", message: message, field: field)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, code: "not_found", message: "\(what) not found") }
}

extension APIError {
    /// Maps any error thrown by a handler to what the client may see.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let e as APIError: return e
        case let e as DomainError: return .invalid(e.reason, field: e.field)
        case let e as StoreError: return from(store: e)
        case let e as HTTPError:
            let code = e.status == .notFound ? "not_found" : e.status == .contentTooLarge ? "too_large" : "http_\(e.status.code)"
            return APIError(e.status, code: code, message: e.body ?? e.status.reasonPhrase)
        default: return nil
        }
    }

    private static func from(store e: StoreError) -> APIError {
        switch e.code {
        case .conflict: APIError(.conflict, code: "conflict", message: e.message, field: e.field)
        case .missingReference: APIError(.unprocessableContent, code: "unknown_reference", message: e.message, field: e.field)
        case .doubleBooking: APIError(.conflict, code: "double_booking", message: e.message, field: e.field)
        case .invalid: APIError(.unprocessableContent, code: "invalid", message: e.message, field: e.field)
        case .notFound: APIError(.notFound, code: "not_found", message: e.message, field: e.field)
        case .retry: APIError(.serviceUnavailable, code: "retry", message: e.message)
        case .busy: APIError(.serviceUnavailable, code: "busy", message: e.message)
        case .stale: APIError(.conflict, code: "stale", message: e.message, field: e.field)
        case .breaksRule: APIError(.unprocessableContent, code: "breaks_rule", message: e.message, field: e.field)
        case .unknownOutcome:
            APIError(.serviceUnavailable, code: "outcome_unknown",
                     message: "the database did not confirm in time; retry with the same Idempotency-Key to learn the outcome")
        case .idempotencyFenced:
            APIError(.conflict, code: "in_progress", message: e.message, field: "Idempotency-Key")
        case .timeout:
            APIError(.serviceUnavailable, code: "timeout", message: "the database did not answer in time; nothing was changed")
        case .unavailable: APIError(.serviceUnavailable, code: "unavailable", message: "the service is unavailable; try again")
        case .schema: APIError(.serviceUnavailable, code: "unavailable", message: "the service is being upgraded; try again")
        }
    }
}
