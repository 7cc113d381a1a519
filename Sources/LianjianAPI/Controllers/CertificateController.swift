import Foundation
import Hummingbird
import LianjianDomain
import LianjianQR
import LianjianStore

/// What a certificate names of a volunteer (ID type, the number masked, volunteer number), the
/// certificate itself as JSON, CSV or a printable A4 page, and its public check by number.
struct CertificateController {
    let database: Database
    var secure = false

    struct IdentityDraft: Decodable {
        var idType: IdentityDocument.Kind
        var idNumber: String
        var volunteerNumber: String?
        enum CodingKeys: String, CodingKey {
            case idType = "id_type", idNumber = "id_number", volunteerNumber = "volunteer_number"
        }
    }

    /// A volunteer who has not given an ID document yet.
    struct NotGiven: Encodable {
        var idType: String?
        var idNumber: String?
        var volunteerNumber = ""
        enum CodingKeys: String, CodingKey {
            case idType = "id_type", idNumber = "id_number", volunteerNumber = "volunteer_number"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeNil(forKey: .idType)
            try c.encodeNil(forKey: .idNumber)
            try c.encode(volunteerNumber, forKey: .volunteerNumber)
        }
    }

    func register(on v1: RouterGroup<AppContext>) {
        let identities = IdentityRepository(database)
        v1.put("volunteers/:id/identity") { request, context in
            let volunteer = Volunteer.ID(try pathID(context, "volunteer"))
            let ask = try await JSON.decode(IdentityDraft.self, from: request)
            let document = try IdentityDocument(kind: ask.idType, number: ask.idNumber)
            let number = (ask.volunteerNumber ?? "").trimmingCharacters(in: .whitespaces)
            guard number.count <= 32, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw APIError.invalid("must be at most 32 letters, digits or dashes", field: "volunteer_number")
            }
            return JSON.response(try await identities.set(volunteer, document, volunteerNumber: number))
        }
        v1.get("volunteers/:id/identity") { _, context in
            let volunteer = Volunteer.ID(try pathID(context, "volunteer"))
            if let identity = try await identities.get(volunteer) { return JSON.response(identity) }
            _ = try await VolunteerRepository(database).get(volunteer)
            return JSON.response(NotGiven())
        }
        v1.get("volunteers/:id/certificate") { request, context in
            try await certificate(Volunteer.ID(try pathID(context, "volunteer")), for: try context.caller, request)
        }
        v1.get("certificates/:number") { _, context in
            guard let number = context.parameters.get("number"), number.count <= 80 else { throw APIError.notFound("certificate") }
            return JSON.response(try await CertificateRepository(database).verify(number))
        }
    }

    /// `volunteer`'s certificate as `caller` may have it, in the format the query asks for (the
    /// console's `/me/certificate` answers with this too).
    func certificate(_ volunteer: Volunteer.ID, for caller: Principal, _ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        let format = q.get("format") ?? "json"
        guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("must be json, csv or html", field: "format") }
        let (from, to) = try Self.period(q)
        let issuer = try await self.issuer(for: caller, volunteer, asked: q.get("issuer"))
        let certificate = try await CertificateRepository(database).issue(volunteer, by: issuer, from: from, to: to, actor: caller.auditName)
        switch format {
        case "csv":
            return Download.response(certificate.csv(), type: "text/csv; charset=utf-8", name: certificate.number.isEmpty ? "certificate.csv" : "certificate-\(certificate.number).csv")
        case "html":
            // People scan it with a phone: the console's page in words, not the API's JSON.
            let url = CheckInController.base(request, secure: secure) + "/verify/\(certificate.number)"
            return Download.response(Data(certificate.html(verifyURL: url, qrSVG: certificate.number.isEmpty ? nil : QRCode(url)?.svg(size: 28)).utf8),
                                     type: "text/html; charset=utf-8", name: nil)
        default:
            return JSON.response(certificate)
        }
    }

    /// `from` and `to`: by default the calendar year so far.
    static func period(_ q: Parameters) throws -> (LocalDate, LocalDate) {
        let today = LocalDate(Date(), in: DisplayZone.current)
        let to = try EventController.date(q.get("to"), "to") ?? today
        let from = try EventController.date(q.get("from"), "from") ?? LocalDate.month(String(to.description.prefix(4)) + "-01") ?? to
        guard to >= from else { throw APIError.invalid("must be on or after from", field: "to") }
        guard to.dayNumber - from.dayNumber <= 3660 else { throw APIError.invalid("must be at most ten years after from", field: "to") }
        return (from, to)
    }

    /// Who records, who certifies (谁记录谁证明): an organiser's community, a liaison's unit; for
    /// the volunteer themselves or an admin, `asked` (`community` or `unit`), by default the
    /// volunteer's unit when they belong to one.
    func issuer(for caller: Principal, _ volunteer: Volunteer.ID, asked: String?) async throws -> CertificateRepository.Issuer {
        if let asked, !["community", "unit"].contains(asked) { throw APIError.badRequest("must be community or unit", field: "issuer") }
        switch caller.role {
        case .organiser:
            guard let community = caller.community else { throw APIError.notFound("volunteer") }
            return .init(.community, community.uuid)
        case .liaison:
            guard let unit = caller.unit else { throw APIError.notFound("volunteer") }
            return .init(.unit, unit.uuid)
        case .volunteer, .admin:
            let person = try await VolunteerRepository(database).get(volunteer)
            if asked != "community", let unit = person.unitID { return .init(.unit, unit.uuid) }
            if asked == "unit" { throw APIError.invalid("belongs to no partner unit; ask for the community's certificate", field: "issuer") }
            return .init(.community, person.communityID.uuid)
        }
    }
}
