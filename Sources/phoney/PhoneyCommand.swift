import ArgumentParser

#if Jemalloc
    import CJemalloc
#endif

@main
struct PhoneyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phoney",
        abstract: "Realistic fake data from JSON templates, fast and reproducible.",
        subcommands: [
            GenerateCommand.self, ExportCommand.self, ValidateCommand.self, GeneratorsCommand.self, ServeCommand.self,
            HashPasswordCommand.self,
        ]
    )
}
