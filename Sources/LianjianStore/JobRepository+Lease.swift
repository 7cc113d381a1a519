import Foundation
import LianjianDomain
import PostgresNIO

extension JobRepository {
    /// The message a job gets when every attempt's worker vanished without ending it.
    static let lostMessage = "the worker running this job stopped before finishing it, on every attempt"

    /// Claims the oldest due job of `kinds`: a queued one whose time has come, or a running one
    /// whose lease ran out (its worker died). Jobs whose every attempt was lost are failed first.
    /// - Returns: `nil` when there is nothing to do.
    public func claim(worker: String, kinds: [Kind] = Kind.allCases, lease: Duration) async throws(StoreError) -> Claim? {
        let seconds = Self.seconds(lease)
        let lost = try? JSONEncoder().encode(Failure(code: "worker_lost", message: Self.lostMessage))
        let lostJSON = String(decoding: lost ?? Data("{}".utf8), as: UTF8.self)
        let rows = try await db.transaction { c in
            try await c.query("""
                UPDATE jobs SET state = 'failed', locked_by = NULL, lease_until = NULL, finished_at = now(), error = \(lostJSON)::jsonb
                WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
                """, logger: db.logger)
            return try await c.query("""
                UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = \(worker),
                       lease_until = now() + make_interval(secs => \(seconds)), started_at = coalesce(started_at, now())
                WHERE id = (SELECT id FROM jobs
                            WHERE kind = ANY(\(kinds.map(\.rawValue))::text[])
                              AND ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now()))
                            ORDER BY priority DESC, run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, payload::text, attempts, max_attempts
                """, logger: db.logger).all((UUID, String, String, Int32, Int32).self)
        }
        guard let r = rows.first, let kind = Kind(rawValue: r.1) else { return nil }
        return Claim(id: r.0, kind: kind, payload: r.2, attempt: Int(r.3), maxAttempts: Int(r.4), worker: worker, lease: lease)
    }

    /// Writes the job's progress and renews its lease.
    /// - Returns: whether the claim still holds (`false`: another worker took the job over).
    public func renew(_ claim: Claim, progress: Progress?) async throws(StoreError) -> Bool {
        let json = progress.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        let seconds = Self.seconds(claim.lease)
        let count = try await db.withConnection { c in
            try await c.query("""
                UPDATE jobs SET lease_until = now() + make_interval(secs => \(seconds)), progress = coalesce(\(json)::jsonb, progress)
                WHERE id = \(claim.id) AND state = 'running' AND locked_by = \(claim.worker) AND attempts = \(claim.attempt)
                RETURNING id
                """, logger: db.logger).collectCount()
        }
        return count == 1
    }

    /// Ends the claim as done with `result`.
    /// - Throws: ``StoreError/Code/stale`` when the claim no longer holds.
    public func succeed(_ claim: Claim, result: [String: String], progress: Progress? = nil) async throws(StoreError) {
        try await succeed(claim, progress: progress) { _ in result }
    }

    /// Ends the claim as done with the result of `work` (the job's writes), in one transaction,
    /// so the two commit together: a worker that lost its claim rolls its work back.
    /// - Throws: ``StoreError/Code/stale`` when the claim no longer holds; whatever `work` throws.
    func succeed(_ claim: Claim, progress: Progress?,
                 _ work: @escaping @Sendable (PostgresConnection) async throws -> [String: String]) async throws(StoreError) {
        let logger = db.logger
        let done = Progress(phase: "done", percent: 100, best: progress?.best, bound: progress?.bound)
        let doneJSON = String(decoding: (try? JSONEncoder().encode(done)) ?? Data("{}".utf8), as: UTF8.self)
        try await db.transaction { c in
            let result = try await work(c)
            let json = String(decoding: (try? JSONEncoder().encode(result)) ?? Data("{}".utf8), as: UTF8.self)
            let count = try await c.query("""
                UPDATE jobs SET state = 'succeeded', result = \(json)::jsonb, error = NULL, locked_by = NULL, lease_until = NULL,
                       finished_at = now(), progress = \(doneJSON)::jsonb
                WHERE id = \(claim.id) AND state = 'running' AND locked_by = \(claim.worker) AND attempts = \(claim.attempt)
                RETURNING id
                """, logger: logger).collectCount()
            guard count == 1 else { throw StoreError(.stale, message: "another worker took this job over") }
        }
    }

    /// Ends the attempt with `failure`: queued again after a backoff (2, 4, 8 … s, at most five
    /// minutes) when `retry` and attempts are left, failed for good otherwise.
    public func fail(_ claim: Claim, _ failure: Failure, retry: Bool) async throws(StoreError) {
        let json = String(decoding: (try? JSONEncoder().encode(failure)) ?? Data("{}".utf8), as: UTF8.self)
        let again = retry && claim.attempt < claim.maxAttempts
        let backoff = Double(min(300, 1 << min(claim.attempt, 9)))
        try await db.withConnection { c in
            try await c.query("""
                UPDATE jobs SET state = \(again ? "queued" : "failed"), error = \(json)::jsonb, locked_by = NULL, lease_until = NULL,
                       run_after = now() + make_interval(secs => \(again ? backoff : 0)),
                       finished_at = CASE WHEN \(again) THEN NULL ELSE now() END
                WHERE id = \(claim.id) AND state = 'running' AND locked_by = \(claim.worker) AND attempts = \(claim.attempt)
                RETURNING id
                """, logger: db.logger).collectCount()
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
