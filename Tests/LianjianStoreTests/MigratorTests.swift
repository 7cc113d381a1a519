import Foundation
import LianjianStore
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test func appliesOnceThenIsANoOp() async throws {
        let migrations = try TestDatabase.migrations
        try await TestDatabase.withEmpty { db, _ in
            try await db.withRunning { db in
                let migrator = Migrator(database: db, migrations: migrations)
                let before = try await migrator.status()
                let first = try await migrator.migrate()
                let second = try await migrator.migrate()
                let after = try await migrator.status()
                #expect(before.pending == migrations.map(\.version))
                #expect(first == migrations.map(\.version))
                #expect(second == [])
                #expect(after.isCurrent)
            }
        }
    }

    @Test func changedAppliedFileIsRefusedByName() async throws {
        let migrations = try TestDatabase.migrations
        var edited = migrations
        edited[0].sql += "\n-- edited"
        let changed = edited
        try await TestDatabase.withEmpty { db, _ in
            try await db.withRunning { db in
                _ = try await Migrator(database: db, migrations: migrations).migrate()
                let error = await #expect(throws: StoreError.self) { try await Migrator(database: db, migrations: changed).migrate() }
                #expect(error?.code == .schema)
                #expect(error?.message.contains("0001_registry.sql was changed") == true)
            }
        }
    }

    @Test func failingFileRollsBackWhole() async throws {
        let broken = [Migration(version: 1, name: "broken", sql: "CREATE TABLE a (x int); CREATE TABLE a (x int);")]
        try await TestDatabase.withEmpty { db, _ in
            try await db.withRunning { db in
                await #expect(throws: StoreError.self) { try await Migrator(database: db, migrations: broken).migrate() }
                let status = try await Migrator(database: db, migrations: broken).status()
                #expect(status.pending == [1])
                // Nothing of the file survived: the first table is gone too.
                try await db.execute("CREATE TABLE a (x int)")
            }
        }
    }

    @Test func concurrentRunsApplyEachFileOnce() async throws {
        let migrations = try TestDatabase.migrations
        try await TestDatabase.withEmpty { _, name in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await TestDatabase.database(named: name).withRunning { db in
                            try await Migrator(database: db, migrations: migrations).migrate()
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(applied.sorted() == migrations.map(\.version))
        }
    }

    @Test func databaseNewerThanTheBuildIsReported() async throws {
        let migrations = try TestDatabase.migrations
        try await TestDatabase.withEmpty { db, _ in
            try await db.withRunning { db in
                _ = try await Migrator(database: db, migrations: migrations).migrate()
                let older = Migrator(database: db, migrations: [])
                let status = try await older.status()
                #expect(status.unknown == migrations.map(\.version))
            }
        }
    }

    @Test func badlyNamedFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("SELECT 1".utf8).write(to: dir.appendingPathComponent("first.sql"))
        #expect(throws: StoreError.self) { try Migrator.load(directory: dir.path) }
    }
}
