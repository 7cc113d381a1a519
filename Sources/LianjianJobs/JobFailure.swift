import LianjianStore

/// Why a job's attempt failed, and whether trying again may help. The jobs layer's own error:
/// store errors map onto it (`retry`, `timeout`, … are worth another attempt; a broken rule is not).
public struct JobFailure: Error, Sendable, Equatable {
    public var code: String
    public var field: String?
    public var message: String
    /// Whether another attempt may succeed.
    public var retryable: Bool

    public init(code: String, field: String? = nil, message: String, retryable: Bool = false) {
        self.code = code
        self.field = field
        self.message = message
        self.retryable = retryable
    }

    /// How a failure of the store reads in the job: the database's passing troubles are retried.
    public init(_ error: StoreError) {
        let passing: Set<StoreError.Code> = [.retry, .timeout, .unknownOutcome, .unavailable]
        self.init(code: error.code.rawValue, field: error.field, message: error.message, retryable: passing.contains(error.code))
    }

    /// Anything else a job threw: a defect, logged in full; the job says only that it failed.
    static let unexpected = JobFailure(code: "unavailable", message: "the job failed unexpectedly; see the server's log", retryable: true)

    var record: JobRepository.Failure { .init(code: code, message: message, field: field) }
}
