import Crypto
import Foundation
import Hummingbird
import LianjianDomain
import LianjianQR
import LianjianStore

/// 民情速递站 (issue 19): the public form behind each building's poster (no sign-in, limited per
/// address and per building, a honeypot), the tracking number's status page, and the
/// community's own entry of paper cards and what was heard at meetings.
struct RequestController {
    let database: Database
    var secure = false

    /// A public form's limits: per sending address and per building, over a day.
    static let perAddress = 20
    static let perBuilding = 200
    static let window: TimeInterval = 86_400

    struct Intake: Decodable {
        var category: String
        var text: String
        var place: String?
        var residentName: String?
        var residentPhone: String?
        /// Hidden on the form: a person leaves it empty, a form-filling robot does not.
        var website: String?
        enum CodingKeys: String, CodingKey {
            case category, text, place, website
            case residentName = "resident_name", residentPhone = "resident_phone"
        }
    }

    struct Entry: Decodable {
        var request: ResidentRequest.Draft
        var channel: ResidentRequest.Channel
        init(from decoder: any Decoder) throws {
            request = try ResidentRequest.Draft(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            channel = try c.decodeIfPresent(ResidentRequest.Channel.self, forKey: .channel) ?? .card
        }
        enum Keys: String, CodingKey { case channel }
    }

    struct Received: Encodable {
        var tracking: String
        var message: String
    }

    struct Items<Item: Encodable>: Encodable { var items: [Item] }

    /// The sending address, hashed with the day: enough to count a day's requests from it,
    /// nothing to find anyone by.
    static func source(_ address: String, now: Date = Date()) -> String {
        let day = Int(now.timeIntervalSince1970 / 86_400)
        return SHA256.hash(data: Data("\(day)|\(address)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A request from a building's public form. - Returns: its tracking number and a confirmation in words.
    static func intake(_ database: Database, code: String, _ ask: Intake, address: String) async throws -> Received {
        let requests = RequestRepository(database)
        let building = try await requests.building(code: code)
        let received = "已收到您的诉求，社区会在征集后组织商议。请记下查询号，凭它可以查看办理进度。"
        // A robot filled the hidden field: thank it as a person, keep nothing.
        if let website = ask.website, !website.isEmpty { return Received(tracking: ResidentRequest.trackingNumber(), message: received) }
        let source = Self.source(address)
        let recent = try await requests.recent(source: source, building: building.id, since: Date().addingTimeInterval(-window))
        if recent.fromSource >= perAddress {
            throw APIError(.tooManyRequests, code: "rate_limited", message: "this address has sent 20 requests today; please try again tomorrow or use the mailbox",
                           field: "address")
        }
        if recent.toBuilding >= perBuilding {
            throw APIError(.tooManyRequests, code: "rate_limited", message: "this building's form has taken all it can today; please try again tomorrow or use the mailbox",
                           field: "building_code")
        }
        let draft = ResidentRequest.Draft(category: ask.category, text: ask.text, place: ask.place, buildingID: building.id,
                                          residentName: ask.residentName, residentPhone: ask.residentPhone)
        let stored = try await requests.create(in: .init(building.communityID), draft, channel: .form, source: source,
                                               actor: "form \(building.code)")
        return Received(tracking: stored.tracking, message: received)
    }

    func register(on v1: RouterGroup<AppContext>) {
        let requests = RequestRepository(database)
        v1.post("intake/:code") { request, context in
            let code = String((context.parameters.get("code") ?? "").prefix(20))
            let ask = try await JSON.decode(Intake.self, from: request)
            return JSON.response(try await Self.intake(database, code: code, ask, address: context.remoteAddress), status: .created)
        }
        v1.get("requests/track/:number") { _, context in
            guard let number = ResidentRequest.tracking(context.parameters.get("number") ?? "") else { throw APIError.notFound("request") }
            return JSON.response(try await requests.track(number))
        }
        v1.get("communities/:id/requests") { _, context in
            JSON.response(Items(items: try await requests.list(.init(try pathID(context, "community")))))
        }
        v1.post("communities/:id/requests") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let entry = try await JSON.decode(Entry.self, from: request)
            guard entry.channel != .form else { throw APIError.invalid("must be card or meeting: the form is the residents' own", field: "channel") }
            let stored = try await requests.create(in: community, entry.request, channel: entry.channel, actor: try context.caller.auditName)
            return JSON.response(Received(tracking: stored.tracking, message: "recorded"), status: .created)
        }
        v1.get("communities/:id/buildings") { _, context in
            JSON.response(Items(items: try await requests.buildings(of: .init(try pathID(context, "community")))))
        }
        v1.get("buildings/:id/poster") { request, context in
            let building = try await requests.building(id: try pathID(context, "building"))
            let url = CheckInController.base(request, secure: secure) + "/intake/\(building.code)"
            let html = Poster.html(community: building.community, estate: building.estate, building: building.name, formURL: url,
                                   qrSVG: QRCode(url)?.svg(size: 90) ?? "")
            return Download.response(Data(html.utf8), type: "text/html; charset=utf-8", name: nil)
        }
    }
}
