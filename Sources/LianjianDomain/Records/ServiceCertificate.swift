import Foundation

/// A volunteer-service certificate (志愿服务记录证明) with the fields 民政部《志愿服务记录与证明出具
/// 办法（试行）》names: who served (name, ID type and masked number, volunteer number), each
/// service (content, date, place, hours), the total, the recording organisation with the person
/// in charge and a contact, the certificate's number, issue date and where to verify it.
public struct ServiceCertificate: Sendable, Encodable, Equatable {
    public struct Service: Sendable, Encodable, Equatable {
        public var date: LocalDate
        public var content: String
        public var project: String
        public var place: String
        public var minutes: Int

        public init(date: LocalDate, content: String, project: String, place: String, minutes: Int) {
            self.date = date
            self.content = content
            self.project = project
            self.place = place
            self.minutes = minutes
        }

        public var hours: Double { Double(minutes) / 60 }

        enum CodingKeys: String, CodingKey { case date, content, project, place, minutes, hours }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(content, forKey: .content)
            try c.encode(project, forKey: .project)
            try c.encode(place, forKey: .place)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(hours, forKey: .hours)
        }
    }

    public struct Organisation: Sendable, Encodable, Equatable {
        /// `community` or `unit`.
        public var kind: String
        public var name: String
        public var personInCharge: String
        public var contact: String
        public init(kind: String, name: String, personInCharge: String, contact: String) {
            self.kind = kind
            self.name = name
            self.personInCharge = personInCharge
            self.contact = contact
        }
        enum CodingKeys: String, CodingKey {
            case kind, name, contact
            case personInCharge = "person_in_charge"
        }
    }

    public var number: String
    public var issuedOn: LocalDate
    public var from: LocalDate
    public var to: LocalDate
    public var volunteerName: String
    /// The document's kind, or nil when the volunteer has not given one.
    public var idType: IdentityDocument.Kind?
    /// Masked but for the last four characters.
    public var idNumber: String
    public var volunteerNumber: String
    public var services: [Service]
    public var organisation: Organisation
    /// The path of the public check (`/v1/certificates/{number}`); the page makes it a full address.
    /// Empty, as the number is, for a period with no service: nothing is certified.
    public var verifyPath: String

    public init(number: String, issuedOn: LocalDate, from: LocalDate, to: LocalDate, volunteerName: String, idType: IdentityDocument.Kind?,
                idNumber: String, volunteerNumber: String, services: [Service], organisation: Organisation) {
        self.number = number
        self.issuedOn = issuedOn
        self.from = from
        self.to = to
        self.volunteerName = volunteerName
        self.idType = idType
        self.idNumber = idNumber
        self.volunteerNumber = volunteerNumber
        self.services = services
        self.organisation = organisation
        self.verifyPath = number.isEmpty ? "" : "/v1/certificates/\(number)"
    }

    public var totalMinutes: Int { services.reduce(0) { $0 + $1.minutes } }

    /// `XIANGYUANJIE-2026-00001`: the issuer's code, the year and the issuer's running number.
    public static func number(issuerCode: String, year: Int, sequence: Int) -> String {
        "\(issuerCode.uppercased())-\(year)-\(String(format: "%05d", sequence))"
    }

    /// Hours as a certificate writes them: `3.5`, `12`.
    public static func hours(_ minutes: Int) -> String {
        let h = Double(minutes) / 60
        return h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }

    enum CodingKeys: String, CodingKey {
        case number, from, to, services, organisation
        case issuedOn = "issued_on"
        case volunteer
        case totalMinutes = "total_minutes"
        case totalHours = "total_hours"
        case verifyURL = "verify_path"
    }

    enum VolunteerKeys: String, CodingKey {
        case name
        case idType = "id_type"
        case idNumber = "id_number"
        case volunteerNumber = "volunteer_number"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number.isEmpty ? nil : number, forKey: .number)
        try c.encode(issuedOn, forKey: .issuedOn)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        var v = c.nestedContainer(keyedBy: VolunteerKeys.self, forKey: .volunteer)
        try v.encode(volunteerName, forKey: .name)
        try v.encode(idType?.rawValue, forKey: .idType)
        try v.encode(idNumber, forKey: .idNumber)
        try v.encode(volunteerNumber, forKey: .volunteerNumber)
        try c.encode(services, forKey: .services)
        try c.encode(totalMinutes, forKey: .totalMinutes)
        try c.encode(Double(totalMinutes) / 60, forKey: .totalHours)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(verifyPath.isEmpty ? nil : verifyPath, forKey: .verifyURL)
    }

    /// For Excel and WPS: the certificate's facts, then one line per service and the total.
    public func csv() -> Data {
        let rows: [[String]] = [
            ["证明编号", number.isEmpty ? "（无服务记录，不出具编号）" : number], ["出具日期", "\(issuedOn)"], ["记录期间", "\(from) 至 \(to)"],
            ["志愿者姓名", volunteerName], ["证件类型", idType?.chinese ?? "未登记"], ["证件号码", idNumber],
            ["志愿者编号", volunteerNumber.isEmpty ? "—" : volunteerNumber],
            ["记录单位", organisation.name], ["负责人", organisation.personInCharge], ["联系方式", organisation.contact], [],
            ["日期", "服务内容", "联建项目", "服务地点", "服务时长（小时）"],
        ]
        var cells = rows.map { $0.map(CSVTable.Cell.text) }
        for s in services {
            cells.append([.text("\(s.date)"), .text(s.content), .text(s.project), .text(s.place), .quantity(Double(s.minutes) / 60)])
        }
        cells.append([.text("合计"), .text("\(services.count) 次"), .text(""), .text(""), .quantity(Double(totalMinutes) / 60)])
        return CSVTable.write(cells: cells)
    }
}
