extension Volunteer {
    /// The volunteer as `viewer` may see them: the phone masked unless the viewer owns the data.
    public func shown(to viewer: Principal) -> Volunteer {
        var copy = self
        if !viewer.mayReadPersonalData(of: .init(community: communityID, unit: unitID, volunteer: id)) { copy.phone = Mask.phone(phone) }
        return copy
    }
}

extension PartnerUnit {
    /// The unit as `viewer` may see it: the liaison's phone masked outside the unit, except for
    /// the organisers of the communities it works in (`workingIn`: where it has joint projects).
    public func shown(to viewer: Principal, workingIn communities: [Community.ID] = []) -> PartnerUnit {
        var copy = self
        if !viewer.mayCallLiaison(of: .init(unit: id, served: communities)) { copy.liaisonPhone = Mask.phone(liaisonPhone) }
        return copy
    }
}

extension EventSheet {
    /// The sheet as `viewer` may print it, for an event of `community`. The residents are that
    /// community's personal data: outside it (a partner unit's liaison) their names are masked,
    /// and their buildings, needs and phones left out; volunteers' phones keep only four digits.
    /// The partner unit's liaison phone is shown to those who may call them (the community's organisers).
    public func shown(to viewer: Principal, residentsOf community: Community.ID) -> EventSheet {
        var copy = self
        copy.unit = unit?.shown(to: viewer, workingIn: [community])
        guard !viewer.mayReadPersonalData(of: .init(community: community)) else { return copy }
        copy.title = Mask.phones(in: title)
        copy.venue = Mask.phones(in: venue)
        copy.staff = staff.map { s in
            var s = s
            s.phone = Mask.phone(s.phone)
            return s
        }
        copy.participants = participants.map { p in
            EventSheet.Person(id: p.id, name: Mask.name(p.name), building: "", needs: [], phone: "")
        }
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
        copy.rules = rules.map { r in
            var r = r
            r.label = Mask.phones(in: r.label)
            return r
        }
        return copy
    }
}
