import PostgresNIO

extension StoreError {
    /// Maps a PostgreSQL error to a store error, naming the field from the constraint name.
    ///
    /// Constraints are named `<table>_<field>_<rule>` (see `sql/`), so the field is the
    /// part between the table name and the rule suffix.
    static func from(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let tx = error as? PostgresTransactionError {
            // The cause is whichever step failed first.
            if let cause = tx.closureError ?? tx.commitError ?? tx.beginError { return from(cause) }
        }
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else {
            return StoreError(.unavailable, message: "the database is unavailable")
        }
        let table = psql.serverInfo?[.tableName]
        let constraint = psql.serverInfo?[.constraintName]
        let column = psql.serverInfo?[.columnName]
        let field = column ?? constraint.map { fieldName(constraint: $0, table: table) }
        switch state {
        case "23505": return StoreError(.conflict, field: field, message: "\(field ?? "value") is already taken")
        case "23503": return StoreError(.missingReference, field: field, message: "\(field ?? "reference") does not exist")
        case "23P01": return StoreError(.doubleBooking, field: field, message: "overlaps an existing booking")
        case "23514", "23502": return StoreError(.invalid, field: field, message: "\(field ?? "value") is not allowed")
        case "40001", "40P01": return StoreError(.retry, message: "a concurrent change collided; retry")
        case "57014": return StoreError(.timeout, message: "the database did not answer in time")
        default:
            if state.hasPrefix("22") { return StoreError(.invalid, field: field, message: "\(field ?? "value") is out of range") }
            return StoreError(.unavailable, message: "the database is unavailable")
        }
    }

    static let ruleSuffixes = ["_fkey", "_key", "_format", "_normal", "_length", "_range", "_valid", "_no_overlap", "_ends_after_start", "_times", "_idx"]

    static func fieldName(constraint: String, table: String?) -> String {
        var name = constraint
        if let table, name.hasPrefix(table + "_") { name.removeFirst(table.count + 1) }
        for suffix in ruleSuffixes where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        // Foreign keys name the entity (`unit`); the API field is its id.
        if constraint.hasSuffix("_fkey"), !name.hasSuffix("_id"), name != "skill" { name += "_id" }
        return name
    }
}

extension StoreError {
    /// What a log may say about a database error: its SQLSTATE, table, constraint and primary
    /// message, never the `detail` (which quotes row values, such as a duplicated phone number).
    static func loggable(_ error: any Error) -> String {
        if let tx = error as? PostgresTransactionError, let cause = tx.closureError ?? tx.commitError ?? tx.beginError {
            return loggable(cause)
        }
        guard let psql = error as? PSQLError else { return "\(type(of: error))" }
        let info = psql.serverInfo
        return "PSQLError \(psql.code) sqlState=\(info?[.sqlState] ?? "-") table=\(info?[.tableName] ?? "-") "
            + "constraint=\(info?[.constraintName] ?? "-") message=\(info?[.message] ?? "-")"
    }
}
