import ArgumentParser
import Foundation
import LianjianDomain
import LianjianStore

/// Reports people take elsewhere: a month's pledges against what was delivered, and a
/// volunteer's service certificate.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a month's pledge report or a volunteer's service certificate.",
        subcommands: [PledgesReport.self, CertificateReport.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}

struct PledgesReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledges",
        abstract: "Pledged against delivered for a month: per project, per partner unit and per category.",
        discussion: "Without --unit or --community, the whole district. Hours are the ledger's, credited to each project's own unit's people.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "The month, YYYY-MM.")
    var month: String

    @Option(help: "A partner unit's code or id.")
    var unit: String?

    @Option(help: "A community's code or id.")
    var community: String?

    @Option(help: "text (a summary), json, csv (Excel/WPS) or html (printable).")
    var format: ReportCommand.Format = .text

    func validate() throws {
        guard LocalDate.month(month) != nil else { throw ValidationError("--month must be YYYY-MM, e.g. 2026-12") }
        if unit != nil, community != nil { throw ValidationError("give --unit or --community, not both") }
    }

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let first = LocalDate.month(month)!
        let report = try await options.withDatabase { db in
            let scope: PledgeRepository.Scope
            if let unit { scope = .unit(try await UnitRepository(db).find(unit).id) }
            else if let community { scope = .community(try await CommunityRepository(db).find(community).id) }
            else { scope = .district }
            return try await PledgeRepository(db).report(month: first, scope: scope)
        }
        switch format {
        case .json: ReportCommand.write(try ReportCommand.json(report))
        case .csv: ReportCommand.write(report.csv())
        case .html: ReportCommand.write(Data(report.html().utf8))
        case .text: print(Self.text(report))
        }
    }

    /// A few lines a person reads in a terminal.
    static func text(_ r: PledgeReport) -> String {
        let h = ServiceCertificate.hours
        var lines = ["\(r.month) \(r.scopeName): pledged \(h(r.total.pledgedMinutes)) h, delivered \(h(r.total.deliveredMinutes)) h, "
                     + "events \(r.total.eventsHeld)/\(r.total.eventsPledged), positions \(r.total.positionsFilled)/\(r.total.positionsRequired), "
                     + "\(r.total.shortProjects) short"]
        for l in r.lines {
            let short = l.shortfalls.isEmpty ? "ok" : "SHORT " + l.shortfalls.joined(separator: ",")
            lines.append("  \(l.project) (\(l.unit)): \(h(l.deliveredMinutes))/\(h(l.pledgedMinutes)) h, events \(l.eventsHeld)/\(l.eventsPledged), "
                         + "positions \(l.positionsFilled)/\(l.positionsRequired), no-shows \(l.noShows)  \(short)"
                         + (l.outlook.map { $0.fulfillable ? "" : "  next month at risk: \($0.reason)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}

struct CertificateReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "A volunteer's service certificate for a period, issued by their unit or community (numbered as the API numbers it).")

    @OptionGroup var options: GlobalOptions

    @Option(help: "The volunteer's id or phone.")
    var volunteer: String

    @Option(help: "From this date, YYYY-MM-DD (default: 1 January of --to's year).")
    var from: String?

    @Option(help: "To this date, YYYY-MM-DD (default: today).")
    var to: String?

    @Option(help: "unit (the volunteer's partner unit, the default when they have one) or community.")
    var issuer: String?

    @Option(help: "text, json, csv or html.")
    var format: ReportCommand.Format = .text

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(value) == nil { throw ValidationError("\(name) must be a date YYYY-MM-DD") }
        }
        if let issuer, !["unit", "community"].contains(issuer) { throw ValidationError("--issuer must be unit or community") }
    }

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let end = to.flatMap(LocalDate.init) ?? LocalDate(Date(), in: settings.zone)
        let start = from.flatMap(LocalDate.init) ?? LocalDate.month(String(end.description.prefix(4)) + "-01")!
        let certificate = try await options.withDatabase { db in
            let person = try await VolunteerRepository(db).find(volunteer)
            let issuer: CertificateRepository.Issuer = if self.issuer != "community", let unit = person.unitID { .init(.unit, unit.uuid) }
                else { .init(.community, person.communityID.uuid) }
            return try await CertificateRepository(db).issue(person.id, by: issuer, from: start, to: end, actor: "cli")
        }
        switch format {
        case .json: ReportCommand.write(try ReportCommand.json(certificate))
        case .csv: ReportCommand.write(certificate.csv())
        case .html: ReportCommand.write(Data(certificate.html(verifyURL: "/verify/\(certificate.number)").utf8))
        case .text:
            print("\(certificate.number.isEmpty ? "(no service, no number)" : certificate.number)  \(certificate.volunteerName)  "
                  + "\(certificate.from)–\(certificate.to)  \(certificate.services.count) services, \(ServiceCertificate.hours(certificate.totalMinutes)) h  "
                  + "issued by \(certificate.organisation.name) on \(certificate.issuedOn)")
            for s in certificate.services { print("  \(s.date)  \(s.content) @ \(s.place)  \(ServiceCertificate.hours(s.minutes)) h") }
        }
    }
}
