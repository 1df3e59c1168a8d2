import ArgumentParser
import Glibc
import PhoneyAPI
import PhoneyServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API.",
        discussion: """
            Configuration comes from the environment and a .env file (the environment wins): ENV_STATE, \
            SECRET_KEY, ALGORITHM, ACCESS_TOKEN_EXPIRE_MINUTES, API_USERNAME, API_PASSWORD_HASH, API_KEY, \
            RATE_LIMIT_PER_MINUTE, CORS_ORIGINS, CORS_METHODS, CORS_HEADERS, LOG_LEVEL, MAX_STREAM_COUNT, \
            MAX_BODY_BYTES, MAX_BUFFERED_BYTES, TRUST_FORWARDED_FOR. With ENV_STATE=dev (the default) and no \
            API_PASSWORD_HASH, a random password for API_USERNAME (default api_user) is printed once on standard \
            error. Logs are JSON lines on standard output.
            """
    )

    @Option(help: "Address to listen on (default: HOST, else 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default: PORT, else 8080; 0 picks a free port).")
    var port: Int?

    @Option(name: .customLong("env-file"), help: "The .env file to read, if it exists (\"\" reads none).")
    var envFile: String = ".env"

    func run() async throws {
        var config: APIConfig
        do {
            config = try APIConfig.load(
                environment: ProcessEnvironment.current(), dotEnvPath: envFile.isEmpty ? nil : envFile)
        } catch {
            StandardError.write("phoney: \(error)\n")
            throw ExitCode(78)
        }
        if let host { config.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            config.port = port
        }
        if let password = config.generatedPassword {
            StandardError.write(
                """
                phoney: no API_PASSWORD_HASH is set (ENV_STATE=\(config.envState.rawValue)), so this run made up a \
                password. POST /token with username "\(config.username)" and password "\(password)". It is shown \
                only now; set API_PASSWORD_HASH (see `phoney hash-password`) to choose your own.

                """)
        }
        let logger = PhoneyServer.logger(config: config)
        try await PhoneyServer.run(config: config, logger: logger)
    }
}
