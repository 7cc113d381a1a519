import PostgresNIO

extension Database {
    /// Runs one trusted statement (no parameters): for administration and tests, never with input.
    public func execute(_ sql: String) async throws(StoreError) {
        try await withConnection(limit: .unlimited) { c in try await c.query(PostgresQuery(unsafeSQL: sql), logger: self.logger).collectCount() }
    }

    /// The integer one trusted query answers (`SELECT count(*) …`): for administration and tests, never with input.
    public func count(_ sql: String) async throws(StoreError) -> Int {
        try await withConnection(limit: .unlimited) { c in
            var n = 0
            for try await value in try await c.query(PostgresQuery(unsafeSQL: sql), logger: self.logger).decode(Int.self) { n = value }
            return n
        }
    }

    /// The first column of what one trusted query answers, as text: for administration and tests, never with input.
    public func strings(_ sql: String) async throws(StoreError) -> [String] {
        try await withConnection(limit: .unlimited) { c in
            try await c.query(PostgresQuery(unsafeSQL: sql), logger: self.logger).all(String.self)
        }
    }

    /// Whether a database of that name exists on the server.
    public func databaseExists(_ name: String) async throws(StoreError) -> Bool {
        try await withConnection(limit: .unlimited) { c in
            try await c.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: self.logger).collectCount() == 1
        }
    }

    /// Runs `body` while holding a session advisory lock on one connection of this pool.
    public func withAdvisoryLock<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T {
        try await client.withConnection { c in
            // Waiting for the lock may take long: no statement limit on this connection.
            try await Self.prepare(c, actor: nil, statementMilliseconds: 0, self.logger)
            try await c.query("SELECT pg_advisory_lock(\(key))", logger: self.logger).collectCount()
            do {
                let result = try await body()
                try await c.query("SELECT pg_advisory_unlock(\(key))", logger: self.logger).collectCount()
                return result
            } catch {
                _ = try? await c.query("SELECT pg_advisory_unlock(\(key))", logger: self.logger).collectCount()
                throw error
            }
        }
    }
}
