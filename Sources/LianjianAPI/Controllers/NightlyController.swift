import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// `GET /v1/runs` and `GET /v1/runs/{id}`: the nightly job's records, as `lianjian runs` prints them.
struct NightlyController {
    let database: Database

    /// A list without pages: the newest `limit` records.
    struct Items<Item: Encodable>: Encodable {
        var items: [Item]
    }

    func register(on v1: RouterGroup<AppContext>) {
        v1.get("runs") { request, context in
            let caller = try context.caller
            let limit = try Self.limit(request.uri.queryParameters, allowed: ["limit"], default: 20)
            let runs = try await NightlyRepository(database).list(limit: limit)
            return JSON.response(Items(items: runs.map { Self.shown($0, to: caller) }))
        }
        v1.get("runs/:id") { _, context in
            let caller = try context.caller
            let run = try await NightlyRepository(database).get(try pathID(context, "nightly run"))
            return JSON.response(Self.shown(run, to: caller))
        }
    }

    /// Why a run failed is the operator's to read: it can carry a database's own words, which a
    /// client never gets. Organisers see that it failed, and the steps it finished.
    static func shown(_ run: NightlyRepository.Run, to caller: Principal) -> NightlyRepository.Run {
        var run = run
        if caller.role != .admin, run.error != nil { run.error = Messages.localise("the run failed; an administrator can read why in the log", to: Language.current) }
        return run
    }

    /// `limit` (1–500), refusing any parameter not in `allowed`.
    static func limit(_ params: Parameters, allowed: Set<String>, default value: Int) throws -> Int {
        for key in params.map({ String($0.key) }) where !allowed.contains(key) {
            throw APIError.badRequest("is not a parameter of this endpoint; use \(allowed.sorted().joined(separator: ", "))", field: key)
        }
        guard let text = params.get("limit") else { return value }
        guard let n = Int(text), (1...500).contains(n) else { throw APIError.badRequest("must be an integer from 1 to 500", field: "limit") }
        return n
    }
}
