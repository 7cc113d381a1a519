import Foundation
import LianjianStore
import TestSupport
import Testing

@Suite("Migration 0006: unique unit names")
struct UnitNameMigrationTests {
    @Test func unitsSharingANameStillMigrateAndKeepThemApart() async throws {
        let migrations = try TestDatabase.migrations
        let before = migrations.filter { $0.version < 6 }
        try await TestDatabase.withEmpty { db, _ in
            try await db.withRunning { db in
                _ = try await Migrator(database: db, migrations: before).migrate()
                try await db.execute("""
                    INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone, created_at) VALUES
                        ('tcm-hospital', '上街区中医院', 'hospital', '李', '13700000000', '2026-01-01'),
                        ('justice-bureau', '上街区中医院', 'justice', '赵', '13700000001', '2026-02-01'),
                        ('long-name', '\(String(repeating: "长", count: 100))', 'other', '钱', '13700000002', '2026-01-01'),
                        ('long-name-copy', '\(String(repeating: "长", count: 100))', 'other', '孙', '13700000003', '2026-03-01')
                    """)
                _ = try await Migrator(database: db, migrations: migrations).migrate()
                #expect(try await Migrator(database: db, migrations: migrations).status().isCurrent)
                // The oldest keeps the name; the others are told apart by their code.
                try await db.execute("""
                    DO $$ BEGIN
                      IF (SELECT name FROM partner_units WHERE code = 'tcm-hospital') <> '上街区中医院'
                         OR (SELECT name FROM partner_units WHERE code = 'justice-bureau') <> '上街区中医院 (justice-bureau)'
                         OR (SELECT name FROM partner_units WHERE code = 'long-name-copy') <> repeat('长', 83) || ' (long-name-copy)'
                      THEN RAISE EXCEPTION 'duplicated unit names were not told apart'; END IF;
                    END $$
                    """)
                let duplicate = await #expect(throws: StoreError.self) {
                    try await db.execute("UPDATE partner_units SET name = '上街区中医院' WHERE code = 'justice-bureau'")
                }
                #expect(duplicate?.code == .conflict && duplicate?.field == "name")
            }
        }
    }
}
