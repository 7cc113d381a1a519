import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// `POST /v1/units/{id}/volunteers/import`: a CSV body, imported all or nothing.
struct ImportController {
    let database: Database
    /// Largest CSV accepted (about 150,000 rows).
    static let maxBody = 20 << 20

    func register(on v1: RouterGroup<BasicRequestContext>) {
        v1.post("units/:id/volunteers/import") { request, context -> Response in
            let unit = PartnerUnit.ID(try Resource<PartnerUnit, PartnerUnit.Draft>.id(context))
            let body = try await JSON.body(request, limit: Self.maxBody)
            _ = try await UnitRepository(database).get(unit)
            let rows = try VolunteerCSV.rows(CSVTable.parse(body))
            let report = try await VolunteerImport(database).run(unit: unit, rows: rows)
            return JSON.response(report, status: report.errors.isEmpty ? .ok : .unprocessableContent)
        }
    }
}
