extension Volunteer {
    /// The volunteer as `viewer` may see them: the phone masked unless the viewer owns the data.
    public func shown(to viewer: Principal) -> Volunteer {
        var copy = self
        if !viewer.mayReadPersonalData(of: .init(community: communityID, unit: unitID, volunteer: id)) { copy.phone = Mask.phone(phone) }
        return copy
    }
}

extension PartnerUnit {
    /// The unit as `viewer` may see it: the liaison's phone masked outside the unit.
    public func shown(to viewer: Principal) -> PartnerUnit {
        var copy = self
        if !viewer.mayReadPersonalData(of: .init(unit: id)) { copy.liaisonPhone = Mask.phone(liaisonPhone) }
        return copy
    }
}

extension Timetable {
    /// The timetable as it may be printed: phone numbers in holders masked; for a partner unit's
    /// liaison, the holders of every booking but their own unit's replaced by the class.
    public func shown(to viewer: Principal) -> Timetable {
        var copy = self
        copy.blocks = blocks.map { b in
            var b = b
            // By id: unit names are chosen by the units themselves (issue 14).
            if viewer.role == .liaison && (b.userClass != .unit || b.unitID == nil || b.unitID != viewer.unit) {
                b.holder = Self.chineseName[b.userClass] ?? b.userClass.rawValue
            }
            b.holder = Mask.phones(in: b.holder)
            return b
        }
        return copy
    }
}
