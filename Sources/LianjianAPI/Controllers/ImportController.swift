import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// `POST /v1/units/{id}/volunteers/import`: a CSV body, imported all or nothing.
struct ImportController {
    let database: Database
    /// Largest CSV accepted, in bytes and in rows.
    static let maxBody = 20 << 20
    static let maxRows = 150_000

    func register(on v1: RouterGroup<AppContext>) {
        v1.post("units/:id/volunteers/import") { request, context -> Response in
            let unit = PartnerUnit.ID(try pathID(context, "partner unit"))
            let body = try await JSON.body(request, limit: Self.maxBody)
            _ = try await UnitRepository(database).get(unit)
            let table = try CSVTable.parse(body)
            guard table.count <= Self.maxRows + 1 else {
                throw APIError(.contentTooLarge, code: "too_large", message: "a file may have at most \(Self.maxRows) rows; split it", field: "file")
            }
            let rows = try VolunteerCSV.rows(table)
            let report = try await VolunteerImport(database).run(unit: unit, rows: rows)
            return JSON.response(report, status: report.errors.isEmpty ? .ok : .unprocessableContent)
        }
    }
}
