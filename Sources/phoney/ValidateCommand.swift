import ArgumentParser
import PhoneyCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a template without generating anything.",
        discussion: "Exit status 0 when the template is valid, 1 when it is not (errors on standard error)."
    )

    @Argument(help: "The template file (a JSON object), or - for standard input.")
    var template: String

    @Option(help: "Locale to validate against.")
    var locale: String = "en_US"

    @Flag(help: "Print the Phoney-shaped report {valid, errors, warnings, detected_fields} on standard output.")
    var json = false

    func run() throws {
        let text = try TemplateInput.read(template)
        let report = ValidationReport.validate(json: text, options: CompileOptions(locale: locale))
        if json {
            print(report.json.serialized)
        } else if report.valid {
            print("valid: \(report.detectedFields.count) placeholder(s)")
        }
        for warning in report.warnings { StandardError.write("warning: \(warning)\n") }
        if !report.valid {
            ErrorReport.print(report.errors)
            throw ExitCode(1)
        }
    }
}
