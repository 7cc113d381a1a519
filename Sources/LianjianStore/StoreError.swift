/// A failure of the store, in terms the layers above can act on. Never carries a database message.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A unique key is taken (SQLSTATE 23505).
        case conflict
        /// A referenced row does not exist (23503).
        case missingReference = "missing_reference"
        /// A time range overlaps one that must not be overlapped (23P01).
        case doubleBooking = "double_booking"
        /// A CHECK or NOT NULL rule failed (23514, 23502, 22xxx).
        case invalid
        /// Concurrent transactions collided; retrying may succeed (40001, 40P01).
        case retry
        /// The row asked for does not exist.
        case notFound = "not_found"
        /// The database did not answer in time; nothing was changed (the server's own limit
        /// rolled the work back, or it never started).
        case timeout
        /// The database stopped answering after the work was sent: it may or may not have been
        /// done. Callers must not report a failure, nor free an idempotency key, on this.
        case unknownOutcome = "unknown_outcome"
        /// An `Idempotency-Key` whose first request was done, or whose lease another took over.
        case idempotencyFenced = "idempotency_fenced"
        /// The schema is not what this build expects (unmigrated, newer, or a changed file).
        case schema
        /// The request was built on data that has changed since (a stale roster draft).
        case stale
        /// A hand edit of a roster would break one of the solver's hard rules (the field names the rule).
        case breaksRule = "breaks_rule"
        /// Too much work is queued (the solver's slots and queue are full); retry later.
        case busy
        /// Anything else; details are in the log only.
        case unavailable
    }

    public var code: Code
    /// The API field the failure is about, when one is known (e.g. `phone`).
    public var field: String?
    /// A safe, human-readable explanation.
    public var message: String

    public init(_ code: Code, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" + (field.map { " (field \($0))" } ?? "") }
}
