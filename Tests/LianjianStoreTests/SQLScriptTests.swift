@testable import LianjianStore
import Testing

@Suite("Splitting SQL files into statements")
struct SQLScriptTests {
    @Test func semicolonsInsideQuotesCommentsAndDollarBodiesDoNotSplit() {
        let sql = """
            -- a comment; with a semicolon
            CREATE TABLE t (x text DEFAULT 'a;b', "we;ird" int);
            /* block; comment */
            CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
            DO $$ BEGIN PERFORM 1; END $$;
            INSERT INTO t (x) VALUES ('it''s; fine');
            """
        let statements = SQLScript.statements(sql)
        #expect(statements.count == 4)
        #expect(statements[0].hasSuffix("\"we;ird\" int)"))
        #expect(statements[1].contains("SELECT 1; $body$"))
        #expect(statements[3] == "INSERT INTO t (x) VALUES ('it''s; fine')")
    }

    @Test func trailingCommentIsNotAStatement() {
        #expect(SQLScript.statements("SELECT 1;\n-- done\n") == ["SELECT 1"])
    }
}
