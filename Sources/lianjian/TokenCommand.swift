import ArgumentParser
import Foundation
import LianjianDomain
import LianjianStore

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue, list and revoke API tokens.",
        subcommands: [TokenCreate.self, TokenList.self, TokenRevoke.self])
}

struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Issue a token and print its secret (shown once; only its hash is stored).",
        discussion: """
            Roles: admin (everything), organiser --community, liaison --unit, volunteer --volunteer.
            Example, the first admin token: lianjian token create --role admin --label "district office"
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "admin, organiser, liaison or volunteer.")
    var role: String

    @Option(help: "The organiser's community (id or code).")
    var community: String?

    @Option(help: "The liaison's partner unit (id or code).")
    var unit: String?

    @Option(help: "The volunteer's id.")
    var volunteer: String?

    @Option(help: "Days until the token expires (default 90), or a date YYYY-MM-DD.")
    var expires: String = "90"

    @Option(help: "A note saying who holds it.")
    var label: String = ""

    func run() async throws {
        guard let role = Principal.Role(rawValue: role) else { throw ValidationError("--role must be admin, organiser, liaison or volunteer") }
        let needed: [Principal.Role: String] = [.organiser: "--community", .liaison: "--unit", .volunteer: "--volunteer"]
        let given = [("--community", community), ("--unit", unit), ("--volunteer", volunteer)].filter { $0.1 != nil }.map(\.0)
        guard given == (needed[role].map { [$0] } ?? []) else {
            throw ValidationError(needed[role].map { "--role \(role.rawValue) takes \($0) and no other scope" } ?? "--role admin takes no scope")
        }
        let expiresAt = try Self.expiry(expires, zone: try await options.settings().zone)
        let (community, unit, volunteer) = (community, unit, volunteer)
        let volunteerID = try volunteer.map { text in
            guard let id = Volunteer.ID(text) else { throw ValidationError("--volunteer must be a volunteer id") }
            return id
        }
        let label = label
        let (token, secret) = try await options.withDatabase { db in
            var scope = Principal(tokenID: UUID(), role: role)
            if let community { scope.community = try await Self.community(db, community) }
            if let unit { scope.unit = try await Self.unit(db, unit) }
            if let volunteerID { scope.volunteer = try await Self.volunteer(db, volunteerID) }
            return try await Self.create(db, scope, label, expiresAt)
        }
        print(secret)
        FileHandle.standardError.write(Data("token \(token.id.uuidString.lowercased()) (\(role.rawValue)) expires \(token.expiresAt.rfc3339); send it as Authorization: Bearer <secret>\n".utf8))
    }

    // Untyped wrappers: the Swift 6.3 release optimiser crashes (signal 11, coroutine splitting)
    // on typed-throws calls inside the branches of the closure above.
    static func community(_ db: Database, _ code: String) async throws -> Community.ID { try await CommunityRepository(db).find(code).id }
    static func unit(_ db: Database, _ code: String) async throws -> PartnerUnit.ID { try await UnitRepository(db).find(code).id }
    static func volunteer(_ db: Database, _ id: Volunteer.ID) async throws -> Volunteer.ID { try await VolunteerRepository(db).get(id).id }
    static func create(_ db: Database, _ scope: Principal, _ label: String, _ expires: Date) async throws -> (TokenRepository.Token, String) {
        try await TokenRepository(db).create(scope, label: label, expiresAt: expires)
    }

    static func expiry(_ text: String, zone: TimeZone) throws -> Date {
        if let days = Int(text), (1...3660).contains(days) { return Date().addingTimeInterval(Double(days) * 86_400) }
        if let date = LocalDate(text) {
            let at = date.adding(days: 1).at(LocalTime(minutes: 0), in: zone)
            if at > Date() { return at }
        }
        throw ValidationError("--expires must be a number of days (1–3660) or a future date YYYY-MM-DD")
    }
}

struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let tokens = try await options.withDatabase { db in try await TokenRepository(db).list() }
        for t in tokens {
            let scope = t.communityID.map { "community \($0)" } ?? t.unitID.map { "unit \($0)" } ?? t.volunteerID.map { "volunteer \($0)" } ?? "-"
            let state = t.revokedAt != nil ? "revoked" : t.expiresAt < Date() ? "expired" : "expires \(t.expiresAt.rfc3339)"
            print("\(t.id.uuidString.lowercased())  \(t.role.rawValue)  \(scope)  \(state)  \(t.label)")
        }
    }
}

struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The token's id (from `lianjian token list`).") var id: String

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { throw ValidationError("not a token id: \(id)") }
        let token = try await options.withDatabase { db in try await TokenRepository(db).revoke(uuid) }
        print("revoked \(token.id.uuidString.lowercased())")
    }
}
