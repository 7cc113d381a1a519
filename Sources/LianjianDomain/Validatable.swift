/// Input that can check itself before it reaches the database.
public protocol Validatable {
    /// - Throws: ``DomainError`` naming the first field that breaks a rule.
    func validate() throws(DomainError)
}

extension Community.Draft: Validatable {}
extension Estate.Draft: Validatable {}
extension PartnerUnit.Draft: Validatable {}
extension JointProject.Draft: Validatable {}
extension Volunteer.Draft: Validatable {}
