import ArgumentParser
import Glibc
import PhoneyAPI

struct HashPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Print a bcrypt hash of a password, for API_PASSWORD_HASH.",
        discussion: """
            The password is read from the terminal without echo (asked twice), or as one line from standard input \
            when that is not a terminal: `echo -n secret | phoney hash-password`. It is never taken as an argument, \
            so it stays out of shell history and process lists.
            """
    )

    @Option(help: "bcrypt cost: log2 of the rounds, 4 to 31.")
    var cost: UInt8 = 12

    func validate() throws {
        guard (4...31).contains(cost) else { throw ValidationError("--cost must be from 4 to 31") }
    }

    func run() throws {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = Self.prompt("Password: ")
            guard Self.prompt("Again: ") == first else {
                StandardError.write("phoney: the passwords differ\n")
                throw ExitCode(1)
            }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard !password.isEmpty else {
            StandardError.write("phoney: the password is empty\n")
            throw ExitCode(1)
        }
        print(PasswordHashing.hash(password, cost: cost))
    }

    static func prompt(_ text: String) -> String {
        guard let entered = getpass(text) else { return "" }
        return String(cString: entered)
    }
}
