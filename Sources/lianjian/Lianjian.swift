import ArgumentParser

/// The `lianjian` command: the server, the database tools and the roster solver.
@main
struct Lianjian: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lianjian",
        abstract: "Lianjian (联建): scheduling for community joint projects and their partner units' volunteers.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SolveCommand.self, CheckCommand.self, ImportCommand.self,
            DemoCommand.self, TokenCommand.self, HolidaysCommand.self, WorkerCommand.self, NightlyCommand.self, RunsCommand.self, DeliverCommand.self,
            AccountCommand.self, ReportCommand.self,
        ])
}
