import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// China's public holidays and made working days (调休), which plans may skip or follow.
struct HolidayController {
    let database: Database

    /// A year's table, as read and as an admin replaces it.
    struct YearTable: Codable {
        var year: Int?
        var days: [PublicHolidays.Day]
    }

    func register(on v1: RouterGroup<AppContext>) {
        let holidays = HolidayRepository(database)
        v1.get("holidays") { request, _ in
            let text = request.uri.queryParameters.get("year")
            let year = try text.map { try Self.year($0, field: "year") } ?? LocalDate(Date(), in: DisplayZone.current).year
            return JSON.response(YearTable(year: year, days: try await holidays.list(year: year)))
        }
        v1.put("holidays/:year") { request, context in
            let year = try Self.year(context.parameters.get("year") ?? "", field: "year")
            let body = try await JSON.decode(YearTable.self, from: request)
            try PublicHolidays.Day.validate(body.days, year: year)
            try await holidays.replace(year: year, with: body.days)
            return JSON.response(YearTable(year: year, days: try await holidays.list(year: year)))
        }
    }

    static func year(_ text: String, field: String) throws -> Int {
        guard let year = Int(text), (1900...2200).contains(year) else { throw APIError.invalid("must be a year from 1900 to 2200", field: field) }
        return year
    }
}
