import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import MultipartKit

/// A partner unit's page for its liaison (an admin picks the unit): its joint projects, its
/// volunteers, and the CSV import by upload — every bad row shown as a table and nothing written.
extension ConsoleController {
    /// The largest CSV the console takes by upload (the API takes larger files).
    static let maxUpload = 4 << 20

    func registerUnit(on console: RouterGroup<AppContext>) {
        console.get("unit") { request, context in
            let unit = try await readableUnit(request.uri.queryParameters.get("unit"), context)
            let imported = request.uri.queryParameters.get("imported").flatMap(Int.init)
            let notice = imported.map { RosterView.fill(ConsoleText.strings(Language.current)["imported"], ["n": $0]) }
            return try await unitPage(unit, context, extra: ["notice": notice as Any])
        }
        console.post("unit/import") { request, context in
            let upload = try await Upload.read(request)
            let unit = try await readableUnit(upload.unit, context)
            try await check.authorize("POST /v1/units/{id}/volunteers/import", try context.caller, id: unit.uuid.uuidString, logger: context.logger)
            let t = ConsoleText.strings(Language.current)
            var errors: [(row: Int, column: String, reason: String)]
            var imported = 0
            do {
                let table = try CSVTable.parse(upload.file)
                guard table.count <= ImportController.maxRows + 1 else { throw DomainError(field: "file", reason: "has too many rows") }
                let report = try await VolunteerImport(database).run(unit: unit, rows: try VolunteerCSV.rows(table))
                errors = report.errors.map { ($0.row, $0.column, $0.reason) }
                imported = report.imported
            } catch let error as DomainError {
                // A file that cannot be read at all: one line, on the page, naming the column.
                errors = [(1, error.field, error.reason)]
            }
            guard errors.isEmpty else {
                let rows = errors.prefix(500).map { e -> [String: Any] in
                    ["row": e.row, "column": t["column_\(e.column)"] ?? e.column, "reason": Messages.localise(e.reason, to: Language.current)]
                }
                return try await unitPage(unit, context, status: .unprocessableContent, extra: [
                    "bad_rows": rows, "has_bad_rows": true, "error": RosterView.fill(t["import_refused"], ["n": errors.count]),
                ])
            }
            return ConsolePages.redirect("/unit?imported=\(imported)" + (context.session?.principal.role == .admin ? "&unit=\(unit.uuid.uuidString.lowercased())" : ""))
        }
    }

    /// The unit the reader may open: a liaison's own; an admin's from the address.
    private func readableUnit(_ asked: String?, _ context: AppContext) async throws -> PartnerUnit.ID {
        let caller = try context.caller
        guard let unit = caller.unit ?? asked.flatMap(UUID.init(uuidString:)).map(PartnerUnit.ID.init) else { throw APIError.notFound("partner unit") }
        try await check.authorize("GET /v1/units/{id}", caller, id: unit.uuid.uuidString, logger: context.logger)
        return unit
    }

    private func unitPage(_ id: PartnerUnit.ID, _ context: AppContext, status: HTTPResponse.Status = .ok,
                          extra: [String: Any]) async throws -> Response {
        let caller = try context.caller
        let unit = try await UnitRepository(database).get(id)
        let projects = try await ProjectRepository(database).list(.init(unit: id), .init(limit: 200)).items
        let volunteers = try await VolunteerRepository(database).list(.init(unit: id), .init(limit: 500)).items.map { $0.shown(to: caller) }
            // Active people first, then by name in pinyin order, so the list reads the same every time.
            .sorted { $0.active != $1.active ? $0.active : Self.pinyinOrder($0.name, $1.name) }
        let t = ConsoleText.strings(Language.current)
        let english = Language.current == .english
        let skillNames = Dictionary(try await VolunteerRepository(database).skills().map { ($0.code, english ? $0.nameEn : $0.nameZh) }) { a, _ in a }
        var values: [String: Any] = [
            "unit": unit.name, "unit_id": id.uuid.uuidString.lowercased(), "is_admin": caller.role == .admin,
            "projects": projects.map { ["name": $0.title, "status": t["project_\($0.status)"] ?? $0.status, "signed_on": $0.signedOn.description] },
            "volunteers": volunteers.map { v -> [String: Any] in
                ["name": v.name, "phone": v.phone, "skills": v.skills.map { skillNames[$0.skill] ?? $0.skill }.joined(separator: "、"),
                 "inactive": !v.active]
            },
            "volunteer_count": RosterView.fill(t["volunteer_count"], ["n": volunteers.count]),
        ]
        values.merge(extra) { $1 }
        return pages.page("unit", values, session: context.session, status: status)
    }
}

/// The import form's fields, from `multipart/form-data` (MultipartKit's decoder).
struct Upload: Decodable {
    var unit: String?
    var file: Data

    static func read(_ request: Request) async throws -> Upload {
        guard let type = request.headers[.contentType], let boundary = Self.boundary(type) else { throw ConsoleRefusal.badForm }
        var request = request
        let body = try await request.collectBody(upTo: ConsoleController.maxUpload)
        do {
            return try FormDataDecoder().decode(Upload.self, from: body, boundary: boundary)
        } catch {
            throw ConsoleRefusal.badForm
        }
    }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}

extension ConsoleController {
    /// Names in the order a Chinese reader expects (pinyin), then by code point for a tie.
    static func pinyinOrder(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, locale: Locale(identifier: "zh_Hans_CN")) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }
}
