import Foundation
import LianjianDomain

/// One hand edit of a roster version: who is on which event role, and which pairs are pinned.
///
/// ```swift
/// // 王芳 takes 李军's place on the role; nobody else moves.
/// let edit = RosterEdit(.replace, role: role, volunteer: liJun, otherVolunteer: wangFang)
/// ```
public struct RosterEdit: Sendable, Equatable {
    public enum Op: String, Sendable, CaseIterable {
        /// Puts `volunteer` on `role`.
        case assign
        /// Takes `volunteer` off `role`.
        case remove
        /// `volunteer` (on `role`) and `otherVolunteer` (on `otherRole`) exchange roles.
        case swap
        /// `otherVolunteer` takes `volunteer`'s place on `role`.
        case replace
        /// Keeps the pair in every later generation.
        case pin
        /// Undoes a pin; the pair is still kept as `previous`.
        case unpin
    }

    public var op: Op
    /// What a client is told when `op` is none of ``Op``'s cases.
    public static let unknownOpMessage = EditRefusal.unknownOp
    public var role: UUID
    public var volunteer: Volunteer.ID
    public var otherRole: UUID?
    public var otherVolunteer: Volunteer.ID?

    public init(_ op: Op, role: UUID, volunteer: Volunteer.ID, otherRole: UUID? = nil, otherVolunteer: Volunteer.ID? = nil) {
        self.op = op
        self.role = role
        self.volunteer = volunteer
        self.otherRole = otherRole
        self.otherVolunteer = otherVolunteer
    }

    /// What an edit changes: pairs added and removed, pins set and undone.
    struct Effect: Sendable, Equatable {
        var added: [RosterRepository.Assignment] = []
        var removed: [RosterRepository.Assignment] = []
        var pins: [RosterRepository.Assignment] = []
        var unpins: [RosterRepository.Assignment] = []

        /// The roles whose people or pins change.
        var roles: [UUID] { Array(Set((added + removed + pins + unpins).map(\.roleID))).sorted { $0.uuidString < $1.uuidString } }
        /// Pairs that must satisfy every hard rule after the edit.
        var checked: [RosterRepository.Assignment] { added + pins }
    }

    /// The effect of this edit on a roster holding `pairs`, of which `pinned` are pinned by hand.
    /// - Throws: ``StoreError/Code/invalid`` when the edit does not fit the roster (removing
    ///   someone who is not on the role, swapping a person with themselves, …).
    func effect(on pairs: Set<RosterRepository.Assignment>, pinned: Set<RosterRepository.Assignment>) throws(StoreError) -> Effect {
        let this = RosterRepository.Assignment(roleID: role, volunteerID: volunteer.uuid)
        func onRoster(_ pair: RosterRepository.Assignment, _ field: String) throws(StoreError) {
            guard pairs.contains(pair) else { throw StoreError(.invalid, field: field, message: EditRefusal.notOnRole) }
        }
        func offRoster(_ pair: RosterRepository.Assignment, _ field: String) throws(StoreError) {
            guard !pairs.contains(pair) else { throw StoreError(.invalid, field: field, message: EditRefusal.alreadyOnRole) }
        }
        switch op {
        case .assign:
            try offRoster(this, "volunteer_id")
            return Effect(added: [this])
        case .remove:
            try onRoster(this, "volunteer_id")
            return Effect(removed: [this])
        case .pin:
            try onRoster(this, "volunteer_id")
            guard !pinned.contains(this) else { throw StoreError(.invalid, field: "volunteer_id", message: EditRefusal.alreadyPinned) }
            return Effect(pins: [this])
        case .unpin:
            try onRoster(this, "volunteer_id")
            guard pinned.contains(this) else { throw StoreError(.invalid, field: "volunteer_id", message: EditRefusal.notPinned) }
            return Effect(unpins: [this])
        case .replace:
            guard let other = otherVolunteer else { throw StoreError(.invalid, field: "with.volunteer_id", message: EditRefusal.needsOther) }
            try onRoster(this, "volunteer_id")
            let taking = RosterRepository.Assignment(roleID: role, volunteerID: other.uuid)
            try offRoster(taking, "with.volunteer_id")
            return Effect(added: [taking], removed: [this])
        case .swap:
            guard let otherRole, let otherVolunteer else { throw StoreError(.invalid, field: "with", message: EditRefusal.needsOtherPair) }
            guard otherRole != role, otherVolunteer != volunteer else {
                throw StoreError(.invalid, field: "with", message: EditRefusal.swapSame)
            }
            let that = RosterRepository.Assignment(roleID: otherRole, volunteerID: otherVolunteer.uuid)
            try onRoster(this, "volunteer_id")
            try onRoster(that, "with.volunteer_id")
            let (a, b) = (RosterRepository.Assignment(roleID: otherRole, volunteerID: volunteer.uuid),
                          RosterRepository.Assignment(roleID: role, volunteerID: otherVolunteer.uuid))
            try offRoster(a, "volunteer_id")
            try offRoster(b, "with.volunteer_id")
            return Effect(added: [a, b], removed: [this, that])
        }
    }
}
