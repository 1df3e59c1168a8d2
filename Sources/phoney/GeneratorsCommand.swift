import ArgumentParser
import PhoneyCore

struct GeneratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generators",
        abstract: "List the generators a template can use."
    )

    @Flag(help: "Print each generator's provider, parameters, output type and an example as JSON.")
    var json = false

    @Option(help: "Locale of the examples.")
    var locale: String = "en_US"

    func run() throws {
        if json {
            print(Catalog.document(locale: locale).serialized)
        } else {
            for name in Catalog.names { print(name) }
        }
    }
}
