/// Who the current task writes on behalf of; the audit triggers record it with every row.
public enum AuditActor {
    /// Set by the API for each request (`token … (role)`) and by the command line (`cli …`).
    @TaskLocal public static var current: String?
}
