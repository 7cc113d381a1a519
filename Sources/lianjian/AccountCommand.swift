import ArgumentParser
import Foundation
import LianjianAPI
import LianjianDomain
import LianjianStore
#if canImport(Glibc)
import Glibc
#endif

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Console accounts: create one (the first admin), list them, set a password (which also unlocks).",
        subcommands: [AccountCreate.self, AccountList.self, AccountPassword.self, AccountCode.self])
}

struct AccountCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a console account with a password (asked for, or one line on stdin with --password-stdin).",
        discussion: """
            Roles: admin, organiser --community, liaison --unit. Volunteers sign in with their phone and a code instead.
            Example, the first admin: lianjian account create --login admin --name "区联建办" --role admin
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "What the person types to sign in: 2–63 of a–z, 0–9, . _ -") var login: String
    @Option(help: "The name shown on pages.") var name: String
    @Option(help: "admin, organiser or liaison.") var role: String
    @Option(help: "The organiser's community (id or code).") var community: String?
    @Option(help: "The liaison's partner unit (id or code).") var unit: String?
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        guard let role = Principal.Role(rawValue: role), role != .volunteer else { throw ValidationError("--role must be admin, organiser or liaison") }
        guard (role == .organiser) == (community != nil), (role == .liaison) == (unit != nil) else {
            throw ValidationError("organiser takes --community, liaison takes --unit, admin takes neither")
        }
        let password = try AccountPassword.read(stdin: passwordStdin)
        let hash = try await Passwords.hash(password)
        let (community, unit, login, name) = (community, unit, login, name)
        let account = try await options.withDatabase { db in
            var scope = Principal(tokenID: UUID(), role: role)
            if let community { scope.community = try await TokenCreate.community(db, community) }
            if let unit { scope.unit = try await TokenCreate.unit(db, unit) }
            return try await Self.create(db, login, name, hash, scope)
        }
        print("account \(account.login) (\(account.role.rawValue)) created; sign in at /login")
    }

    static func create(_ db: Database, _ login: String, _ name: String, _ hash: String, _ scope: Principal) async throws -> AccountRepository.Account {
        try await AccountRepository(db).create(login: login, displayName: name, passwordHash: hash, scope: scope)
    }
}

struct AccountList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List console accounts (never their passwords).")
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let accounts = try await options.withDatabase { db in try await Self.list(db) }
        for a in accounts {
            let scope = a.communityID.map { "community \($0.uuid.uuidString.lowercased())" } ?? a.unitID.map { "unit \($0.uuid.uuidString.lowercased())" } ?? "district"
            let locked = a.lockedUntil.map { $0 > Date() ? " locked until \($0.rfc3339)" : "" } ?? ""
            print("\(a.login)\t\(a.role.rawValue)\t\(scope)\t\(a.displayName)\(locked)")
        }
    }

    static func list(_ db: Database) async throws -> [AccountRepository.Account] { try await AccountRepository(db).list() }
}

struct AccountPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password", abstract: "Set an account's password; unlocks it and ends its sessions.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The account's login.") var login: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        let hash = try await Passwords.hash(try Self.read(stdin: passwordStdin))
        let login = login
        let account = try await options.withDatabase { db in try await Self.set(db, login, hash) }
        print("password of \(account.login) set")
    }

    static func set(_ db: Database, _ login: String, _ hash: String) async throws -> AccountRepository.Account {
        let account = try await AccountRepository(db).setPassword(login: login, passwordHash: hash)
        try await SessionRepository(db).closeAll(account: account.id)
        return account
    }

    /// The new password: a line of stdin, or typed twice without echo.
    static func read(stdin: Bool) throws -> String {
        let password: String
        if stdin {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            guard let first = getpass("password: ").map({ String(cString: $0) }),
                  let again = getpass("again: ").map({ String(cString: $0) }), first == again else {
                throw ValidationError("the two passwords differ")
            }
            password = first
        }
        if let problem = Passwords.problem(with: password) { throw ValidationError("the password \(problem)") }
        return password
    }
}

struct AccountCode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Make a volunteer's console sign-in code now and print it (for an organiser helping by phone, or a demo).",
        discussion: "The code is also queued in the outbox, as when the volunteer asks for one at /login/code.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The volunteer's phone number.") var phone: String

    func run() async throws {
        guard let phone = PhoneNumber.normalised(phone), PhoneNumber.isValid(phone) else { throw ValidationError("--phone is not a phone number") }
        let code = ConsoleCodes.newCode()
        let issued = try await options.withDatabase { db in try await Self.issue(db, phone, code) }
        switch issued {
        case .sent: print(code)
        case .tooSoon: throw ValidationError("a code was made for this phone less than a minute ago; wait a minute")
        case .unknown: throw ValidationError("no active volunteer has this phone number")
        }
    }

    static func issue(_ db: Database, _ phone: String, _ code: String) async throws -> SignInCodeRepository.Issue {
        try await SignInCodeRepository(db).issue(phone: phone, code: code)
    }
}
