import Foundation
import LianjianDomain
import LianjianStore

/// The scope an admin's form asks for: an organiser's community or a liaison's unit, checked
/// to exist; and the names the admin pages show instead of ids.
struct AdminScope {
    let form: Form
    let database: Database

    init(_ form: Form, _ database: Database) {
        self.form = form
        self.database = database
    }

    /// Communities and units by id, to name a scope.
    struct Names {
        var communities: [UUID: String]
        var units: [UUID: String]
    }

    /// The scope, or nil when the role's community or unit is missing or unknown.
    func principal() async throws -> Principal? {
        let names = try await Self.names(database)
        switch Principal.Role(rawValue: form["role"]) {
        case .admin: return Principal(tokenID: UUID(), role: .admin)
        case .organiser:
            guard let id = UUID(uuidString: form["community"]), names.communities[id] != nil else { return nil }
            return Principal(tokenID: UUID(), role: .organiser, community: .init(id))
        case .liaison:
            guard let id = UUID(uuidString: form["unit"]), names.units[id] != nil else { return nil }
            return Principal(tokenID: UUID(), role: .liaison, unit: .init(id))
        default: return nil
        }
    }

    static func names(_ database: Database) async throws -> Names {
        let communities = try await CommunityRepository(database).list(.init(limit: 500)).items
        let units = try await UnitRepository(database).list(.init(limit: 500)).items
        return Names(communities: Dictionary(uniqueKeysWithValues: communities.map { ($0.id.uuid, $0.name) }),
                     units: Dictionary(uniqueKeysWithValues: units.map { ($0.id.uuid, $0.name) }))
    }

    /// The role, community and unit choices of the forms, in pinyin order.
    static func choices(_ database: Database, _ names: Names) async throws -> [String: Any] {
        let t = ConsoleText.strings(Language.current)
        func options(_ byID: [UUID: String]) -> [[String: String]] {
            [["value": "", "label": t["no_unit"] ?? ""]] + byID.sorted { ConsoleController.pinyinOrder($0.value, $1.value) }
                .map { ["value": $0.key.uuidString.lowercased(), "label": $0.value] }
        }
        return [
            "role_options": ["organiser", "liaison", "admin"].map { ["value": $0, "label": t["role_\($0)"] ?? $0] },
            "community_options": options(names.communities), "unit_options": options(names.units),
        ]
    }
}

/// Accounts, tokens and audit entries in words, with ids shortened where people read them.
struct AuditView {
    let language: Language
    let zone: TimeZone

    var t: [String: String] { ConsoleText.strings(language) }

    func scope(role: Principal.Role, community: Community.ID?, unit: PartnerUnit.ID?, _ names: AdminScope.Names) -> String {
        if let community { return names.communities[community.uuid] ?? "" }
        if let unit { return names.units[unit.uuid] ?? "" }
        return role == .admin ? (t["everywhere"] ?? "") : (t["one_volunteer"] ?? "")
    }

    func account(_ a: AccountRepository.Account, _ names: AdminScope.Names) -> [String: Any] {
        let state: String = if a.disabledAt != nil { t["account_disabled"] ?? "" }
            else if let until = a.lockedUntil, until > Date() { ConsoleText.fill(t["account_locked"], ["until": local(until)]) }
            else { t["account_ok"] ?? "" }
        return ["login": a.login, "name": a.displayName, "role": t["role_\(a.role.rawValue)"] ?? a.role.rawValue,
                "scope": scope(role: a.role, community: a.communityID, unit: a.unitID, names), "state": state]
    }

    func token(_ k: TokenRepository.Token, _ names: AdminScope.Names) -> [String: Any] {
        let live = k.revokedAt == nil && k.expiresAt > Date()
        let state: String = if let revoked = k.revokedAt { ConsoleText.fill(t["token_revoked"], ["at": local(revoked)]) }
            else if k.expiresAt <= Date() { t["token_expired"] ?? "" }
            else { ConsoleText.fill(t["token_until"], ["at": local(k.expiresAt)]) }
        return ["id": k.id.uuidString.lowercased(), "label": k.label.isEmpty ? (t["no_label"] ?? "") : k.label,
                "role": t["role_\(k.role.rawValue)"] ?? k.role.rawValue, "live": live,
                "scope": scope(role: k.role, community: k.communityID, unit: k.unitID, names), "state": state]
    }

    func entry(_ e: AuditRepository.Entry) -> [String: Any] {
        var values: [String: Any] = [
            "at": local(e.at), "actor": Self.short(e.actor), "table": e.table, "operation": t["op_\(e.operation)"] ?? e.operation,
            "changes": changes(e),
        ]
        if let row = e.rowID {
            values["row"] = Self.short(row)
            values["row_link"] = "/admin/audit?table=\(e.table)&row_id=\(row.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? "")"
        }
        return values
    }

    /// What changed: for an update the fields whose values differ, `name: 王伟 → 王伟伟`; for an
    /// insert or a delete the row's fields. Ids are shortened to their first eight characters.
    func changes(_ e: AuditRepository.Entry) -> String {
        func object(_ text: String?) -> [String: Any] {
            text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        }
        func text(_ value: Any?) -> String {
            guard let value, !(value is NSNull) else { return "∅" }
            if let s = value as? String { return Self.short(s) }
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])) ?? Data()
            return Self.short(String(decoding: data, as: UTF8.self))
        }
        let before = object(e.before), after = object(e.after)
        let keys = Set(before.keys).union(after.keys).sorted()
        let lines: [String] = keys.compactMap { key in
            switch (before[key], after[key]) {
            case let (b?, a?): return text(b) == text(a) ? nil : "\(key): \(text(b)) → \(text(a))"
            case let (nil, a?): return "\(key): \(text(a))"
            case let (b?, nil): return "\(key): \(text(b))"
            default: return nil
            }
        }
        let shown = lines.prefix(8).joined(separator: "；")
        return lines.count > 8 ? shown + "；…" : shown
    }

    /// Every UUID in `text` cut to its first eight characters and an ellipsis, at most 200
    /// characters. A scan of the bytes: Swift's `Regex` made the audit page four times slower.
    static func short(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 36 else { return String(text.prefix(200)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 36 <= bytes.count, isUUID(bytes, at: i) {
                out += bytes[i..<i + 8]
                out += Array("…".utf8)
                i += 36
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(String(decoding: out, as: UTF8.self).prefix(200))
    }

    private static func isUUID(_ b: [UInt8], at start: Int) -> Bool {
        for k in 0..<36 {
            let c = b[start + k]
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
                return false
            }
        }
        return true
    }

    func local(_ instant: Date) -> String { "\(LocalDate(instant, in: zone)) \(LocalTime(instant, in: zone))" }
}
